package io.guildhall.images;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Writes the root file system the services' images run on: {@code /opt/java} (a Java runtime jlinked from the JDK
 * that runs the build: the Java SE modules and the few JDK ones Spring Boot, Micronaut and Kafka's clients use), the
 * shared libraries that runtime loads (copied from this machine where {@code ldd} finds them, under the same paths),
 * {@code /etc/passwd} and {@code /etc/group} with the non-root user 65532 the images run as, the health check
 * ({@link HealthProbe}, under {@value #PROBE}), and the empty
 * {@code /tmp}, {@code /proc}, {@code /dev} and {@code /sys} a runtime mounts. Built
 * once per build into {@code infra/images/target/runtime-root}; an existing complete root is kept.
 */
public final class RuntimeRoot {

    static final String NON_ROOT = "65532";
    static final List<String> MODULES = List.of("java.se", "jdk.unsupported", "jdk.crypto.ec", "jdk.crypto.cryptoki",
            "jdk.management", "jdk.management.agent", "jdk.naming.dns", "jdk.net", "jdk.zipfs", "jdk.localedata",
            "jdk.charsets", "jdk.jfr", "jdk.httpserver");
    private static final List<String> DESKTOP_NATIVES = List.of("**libawt_xawt.so", "**libsplashscreen.so",
            "**libjsound.so", "**libfontmanager.so", "**liblcms.so", "**libjavajpeg.so", "**libmlib_image.so");
    private static final Pattern LDD_PATH = Pattern.compile("(/\\S+)\\s+\\(0x");
    private static final String COMPLETE = ".complete";
    /** Where the images carry their health check's class path. */
    public static final String PROBE = "/opt/guildhall/probe";

    private RuntimeRoot() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        // The health check is this build's own class: written every time, so a kept root never has a stale one.
        if (Files.exists(root.resolve(COMPLETE))) {
            writeProbe(root);
            System.out.println("[images] runtime root " + root + " is complete; kept");
            return;
        }
        long begin = System.nanoTime();
        deleteRecursively(root);
        Files.createDirectories(root);
        Path java = root.resolve("opt/java");
        jlink(Path.of(System.getProperty("java.home")), java);
        Set<String> libraries = sharedLibraries(java);
        for (String library : libraries) {
            Path target = root.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            // The file itself under the name the loader asks for (a symlink on this machine).
            Files.copy(Path.of(library), target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "nonroot:x:" + NON_ROOT + ":" + NON_ROOT + ":nonroot:/home/nonroot:/sbin/nologin\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nnonroot:x:" + NON_ROOT + ":\n");
        // Where a container runtime mounts its own (and the tests' chroot mounts /proc).
        for (String dir : List.of("tmp", "proc", "dev", "sys")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.createDirectories(root.resolve("home/nonroot"));
        writeProbe(root);
        Files.writeString(root.resolve(COMPLETE), "");
        System.out.printf("[images] runtime root %s: a jlinked Java %s and %d shared libraries (%.1f s)%n", root,
                Runtime.version().feature(), libraries.size(), (System.nanoTime() - begin) / 1e9);
    }

    /** {@link HealthProbe} at {@value #PROBE}, for engines whose health check runs a command in the container. */
    static void writeProbe(Path root) throws IOException {
        String name = HealthProbe.class.getName().replace('.', '/') + ".class";
        Path target = root.resolve(PROBE.substring(1)).resolve(name);
        Files.createDirectories(target.getParent());
        try (var in = RuntimeRoot.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            Files.write(target, in.readAllBytes());
        }
    }

    private static void jlink(Path jdk, Path output) {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("No jlink in " + jdk + ": build with a JDK, not a JRE"));
        StringWriter out = new StringWriter();
        int status = jlink.run(new PrintWriter(out), new PrintWriter(out), "--module-path", jdk.resolve("jmods").toString(),
                "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-man-pages", "--no-header-files",
                // The services never draw: java.desktop stays (java.beans), its X11, font, sound and splash
                // natives (and the libraries those would pull in) do not.
                "--exclude-files=" + String.join(",", DESKTOP_NATIVES),
                // Uncompressed: the image layer is gzipped anyway, and classes then load without inflating.
                "--output", output.toString());
        if (status != 0) {
            throw new IllegalStateException("jlink failed (" + status + "): " + out);
        }
        // The JDK's cacerts may be a link to the machine's store: the image gets the file itself.
        Path cacerts = jdk.resolve("lib/security/cacerts");
        if (Files.exists(cacerts)) {
            try {
                Files.copy(cacerts, output.resolve("lib/security/cacerts"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException("Copying " + cacerts, e);
            }
        }
    }

    /** Every library the runtime's executables and shared objects load, with the dynamic loader, by absolute path. */
    static Set<String> sharedLibraries(Path java) throws IOException, InterruptedException {
        Set<String> libraries = new TreeSet<>();
        List<Path> binaries;
        try (Stream<Path> files = Files.walk(java)) {
            binaries = files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().endsWith(".so") || p.getParent().getFileName().toString()
                            .equals("bin") || p.getFileName().toString().equals("jspawnhelper")).toList();
        }
        for (Path binary : binaries) {
            Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldd.waitFor();
            Matcher path = LDD_PATH.matcher(output);
            while (path.find()) {
                String library = path.group(1);
                if (!library.startsWith(java.toString())) {
                    libraries.add(library);
                }
            }
        }
        return libraries;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
