package io.guildhall.images.run;

import io.guildhall.devstack.Ports;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five container images the build writes ({@code <service>/target/<service>-image.tar}, the docker-archive
 * {@code docker load} reads, Jib on infra/images' runtime root), checked without a container engine: each one's tag
 * (docker-compose.yml's image), user, {@code PATH}, entrypoint and shared runtime layer are read, and
 * analytics-service's is unpacked layer by layer into a root file system and run as a container would run it: as
 * user 65532, on that root mounted read-only with a tmpfs on {@code /tmp}, in namespaces of its own ({@code unshare}
 * + {@code chroot}, which needs root, as the build has here), until its health endpoint answers UP against the real
 * stack; then docker-compose.yml's health check for it runs inside that container.
 */
class ImagesIT {

    private static final List<String> MODULES = List.of("community-service", "event-service", "membership-service",
            "analytics-service", "gateway");
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path work;

    @BeforeAll
    static void images() {
        // The build makes the images on Linux only (infra/images: jlink and ldd on this machine's JDK).
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "images are built on Linux only");
        for (String module : MODULES) {
            assertTrue(Files.isRegularFile(image(module)), "the build wrote " + image(module));
        }
    }

    @Test
    void every_image_runs_as_65532_with_java_on_its_path_the_service_as_its_entrypoint_and_one_shared_runtime_layer()
            throws Exception {
        java.util.Set<String> runtimeLayers = new java.util.HashSet<>();
        for (String module : MODULES) {
            Layout image = layout(module);

            assertEquals(List.of(compose(module, "image")), strings(image.manifest(), "RepoTags"),
                    module + ": docker load tags it as docker-compose.yml names it");
            assertTrue(compose(module, "image").startsWith("ghcr.io/guildhall/" + module + ":"), module);
            assertEquals("65532:65532", image.field("User"), module);
            assertTrue(image.config().contains("\"PATH=/opt/java/bin\""), module + ": " + image.config());
            assertTrue(image.config().matches("(?s).*\"Entrypoint\":\\[\"java\",\"-cp\",\"@/app/jib-classpath-file\","
                    + "\"io\\.guildhall\\.[a-z.]+\\.[A-Za-z]*Application\"\\].*"), module + ": " + image.config());
            runtimeLayers.add(image.extraFilesLayer());
        }
        // The runtime root is the same layer, byte for byte, in all five: a registry stores (and a node pulls) it once.
        assertEquals(1, runtimeLayers.size(), runtimeLayers.toString());
    }

    @Test
    void analytics_starts_from_its_image_as_65532_on_a_read_only_root_with_no_shell() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "running an image without an engine needs root (unshare, mount, chroot)");
        GuildhallStack stack = GuildhallStack.shared();
        ServiceSpec spec = ServiceSpec.ANALYTICS.onPort(Ports.free())
                .withDatabase(stack.freshDatabase("image_" + ServiceSpec.ANALYTICS.database().orElseThrow()));
        Unpacked image = unpack(spec.module());
        assertTrue(Files.isExecutable(image.root().resolve("opt/java/bin/java")));
        assertTrue(Files.readString(image.root().resolve("etc/passwd")).contains("nonroot:x:65532:65532:"));
        assertFalse(Files.exists(image.root().resolve("bin/sh")), "no shell in the image");
        Map<String, String> env = new LinkedHashMap<>(stack.endpoints().environment(spec, List.of()));
        env.put("GUILDHALL_KAFKA_CONSUMER_GROUP", spec.module() + "-image-" + System.nanoTime());
        env.put("JAVA_TOOL_OPTIONS", "-Xmx256m -XX:TieredStopAtLevel=1");
        Process process = image.run(env, work.resolve(spec.module() + ".log"));
        try {
            awaitHealthy(spec, process);

            // docker-compose.yml's health check for this service, run inside the container as an engine runs it.
            List<String> check = composeHealthcheck(spec.module());
            assertEquals("CMD", check.get(0), "no shell in the image: the check is an exec form " + check);
            String composePort = ":" + ServiceSpec.ANALYTICS.port() + "/";
            List<String> command = check.subList(1, check.size()).stream()
                    .map(arg -> arg.replace(composePort, ":" + spec.port() + "/")).toList();
            Exec healthy = image.exec(process, command);
            assertEquals(0, healthy.status(), command + " answered: " + healthy.output());
            List<String> elsewhere = command.stream().map(arg -> arg.replace(":" + spec.port() + "/", ":" + Ports.free() + "/"))
                    .toList();
            Exec refused = image.exec(process, elsewhere);
            assertEquals(1, refused.status(), "the check fails where nothing answers: " + refused.output());
        } finally {
            stop(process);
        }
    }

    /**
     * The service first, then unshare: chroot --userspec changes the user, which clears the parent-death signal
     * unshare --kill-child relies on, so the service would outlive the test (and, still subscribed to the stack's
     * Kafka, join the next build's consumer groups).
     */
    private static void stop(Process unshare) throws InterruptedException {
        List<ProcessHandle> inside = unshare.descendants().toList();
        inside.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : inside) {
            try {
                process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            }
        }
        unshare.destroy();
        if (!unshare.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            unshare.destroyForcibly();
        }
        assertTrue(inside.stream().noneMatch(ProcessHandle::isAlive), "the service from the image stopped");
    }

    private static void awaitHealthy(ServiceSpec spec, Process process) throws Exception {
        Path log = work.resolve(spec.module() + ".log");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(spec.module() + " from its image exited with " + process.exitValue() + ":\n"
                        + tail(log));
            }
            try {
                java.net.http.HttpResponse<String> health = HTTP.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(spec.healthUrl())).timeout(Duration.ofSeconds(5)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(spec.module() + " from its image was not healthy after 150 s:\n" + tail(log));
    }

    /** The exec-form health check docker-compose.yml gives a service: {@code test: ["CMD", ...]}. */
    static List<String> composeHealthcheck(String module) throws IOException {
        String test = compose(module, "test");
        List<String> args = new ArrayList<>();
        Matcher arg = Pattern.compile("\"([^\"]*)\"").matcher(test);
        while (arg.find()) {
            args.add(arg.group(1));
        }
        return args;
    }

    /** The value of the first line {@code key: value} under a service of docker-compose.yml. */
    static String compose(String module, String key) throws IOException {
        List<String> lines = Files.readAllLines(image(module).getParent().getParent().getParent().resolve("docker-compose.yml"));
        int service = lines.indexOf("  " + module + ":");
        assertTrue(service >= 0, module + " in docker-compose.yml");
        for (String line : lines.subList(service + 1, lines.size())) {
            if (line.matches("  \\S.*")) {
                break;
            }
            if (line.trim().startsWith(key + ":")) {
                return line.trim().substring(key.length() + 1).trim();
            }
        }
        throw new AssertionError(module + " has no " + key + " in docker-compose.yml");
    }

    static Path image(String module) {
        return Path.of(System.getProperty("basedir", ".")).resolve("../..").resolve(module).resolve("target")
                .resolve(module + "-image.tar").normalize();
    }

    /** An image's archive read without its layers: the manifest (its tags and layers) and the configuration. */
    record Layout(String manifest, String config) {

        String field(String name) {
            return string(config, name);
        }

        String manifestField(String name) {
            return string(manifest, name);
        }

        private static String string(String json, String name) {
            Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
            return value.find() ? value.group(1) : null;
        }

        /** The archive's layers, bottom to top, as the manifest lists them. */
        List<String> layers() {
            return strings(manifest, "Layers");
        }

        /** The layer Jib calls "extra files": the runtime root. */
        String extraFilesLayer() {
            List<String> comments = new ArrayList<>();
            Matcher comment = Pattern.compile("\"comment\"\\s*:\\s*\"([^\"]*)\"").matcher(config);
            while (comment.find()) {
                comments.add(comment.group(1));
            }
            int index = comments.indexOf("extra files");
            assertTrue(index >= 0 && index < layers().size(), "history " + comments + ", layers " + layers());
            return layers().get(index);
        }
    }

    /** The strings of a JSON array named {@code name} in {@code json}. */
    private static List<String> strings(String json, String name) {
        Matcher array = Pattern.compile("\"" + name + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        assertTrue(array.find(), name + " in " + json);
        List<String> strings = new ArrayList<>();
        Matcher string = Pattern.compile("\"([^\"]*)\"").matcher(array.group(1));
        while (string.find()) {
            strings.add(string.group(1));
        }
        return strings;
    }

    /** An image's docker-archive (what {@code docker load} and {@code podman load} read): manifest and configuration. */
    private static Layout layout(String module) throws IOException, InterruptedException {
        Path layout = Files.createDirectories(work.resolve(module + "-layout"));
        tar("-xf", image(module).toString(), "-C", layout.toString(), "manifest.json");
        String manifest = Files.readString(layout.resolve("manifest.json"));
        String config = new Layout(manifest, "").manifestField("Config");
        tar("-xf", image(module).toString(), "-C", layout.toString(), config);
        return new Layout(manifest, Files.readString(layout.resolve(config), StandardCharsets.UTF_8));
    }

    /** One image unpacked: its configuration, and its layers applied in order onto a root. */
    record Unpacked(Path root, String config) {

        /**
         * The entrypoint as a container runtime would run it: new mount and PID namespaces, the root bind-mounted
         * read-only, a tmpfs on /tmp, /proc, then chroot as 65532 with the image's PATH.
         */
        Process run(Map<String, String> env, Path log) throws IOException {
            Matcher entrypoint = Pattern.compile("\"Entrypoint\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(config);
            assertTrue(entrypoint.find(), config);
            List<String> command = new ArrayList<>();
            Matcher part = Pattern.compile("\"([^\"]*)\"").matcher(entrypoint.group(1));
            while (part.find()) {
                command.add("'" + part.group(1) + "'");
            }
            String script = "set -e; R=\"$1\"; mount --bind \"$R\" \"$R\"; mount -o remount,bind,ro \"$R\";"
                    + " mount -t tmpfs tmpfs \"$R/tmp\"; mount -t proc proc \"$R/proc\";"
                    // The image has no env (nor any shell): its PATH is set for the chroot, found first.
                    + " C=$(command -v chroot); PATH=/opt/java/bin JAVA_HOME=/opt/java HOME=/home/nonroot"
                    + " exec \"$C\" --userspec=65532:65532 \"$R\" " + String.join(" ", command);
            ProcessBuilder builder = new ProcessBuilder("unshare", "--mount", "--pid", "--fork", "--kill-child",
                    "sh", "-c", script, "sh", root.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return builder.start();
        }

        /**
         * A command run inside the running container, as {@code docker exec} (and so a compose health check) runs
         * it: in the service's mount and PID namespaces, chrooted into the same read-only root, as 65532.
         * Answers the exit status and the output.
         */
        Exec exec(Process container, List<String> command) throws IOException, InterruptedException {
            ProcessHandle service = container.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                    .findFirst().orElseThrow(() -> new AssertionError("no service process in the container"));
            List<String> args = new ArrayList<>(List.of("nsenter", "--target", String.valueOf(service.pid()), "--mount",
                    "--pid", "env", "-i", "PATH=/opt/java/bin", "JAVA_HOME=/opt/java", hostCommand("chroot"), "--userspec=65532:65532",
                    root.toString()));
            args.addAll(command);
            Process exec = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(exec.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(exec.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), String.join(" ", args));
            return new Exec(exec.exitValue(), output);
        }
    }

    record Exec(int status, String output) {
    }

    /** A command of this machine by its absolute path (the image's PATH has only Java). */
    private static String hostCommand(String name) {
        return java.util.stream.Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin").map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new AssertionError("no " + name + " on this machine"));
    }

    private static Unpacked unpack(String module) throws IOException, InterruptedException {
        Layout image = layout(module);
        Path archive = Files.createDirectories(work.resolve(module + "-unpacked"));
        Path root = Files.createDirectories(work.resolve(module + "-root"));
        tar("-xf", image(module).toString(), "-C", archive.toString());
        for (String layer : image.layers()) {
            tar("-xzf", archive.resolve(layer).toString(), "-C", root.toString());
        }
        return new Unpacked(root, image.config());
    }

    private static void tar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), String.join(" ", command) + ": " + output);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
