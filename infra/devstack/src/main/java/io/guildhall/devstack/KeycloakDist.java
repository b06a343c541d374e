package io.guildhall.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The keycloak-quarkus-dist zip unpacked once into {@code .guildhall/keycloak/<version>/}. Keycloak
 * re-augments (builds) itself into that directory on the first start, which is why it is kept: the
 * next starts skip the 30-80 s build.
 *
 * <p>The first built dist of a version is also kept, without its {@code data/} folder, in the
 * machine's cache ({@link GuildhallHome#machineCache()}{@code /keycloak/<version>}), and a fresh
 * clone copies that instead of unpacking the zip: it skips the unpack and the build, about 20 of
 * the 40 s Keycloak's first start takes (the realm import into a new database stays). The cache is
 * only a shortcut: without it, or when it cannot be written, everything works from the zip.
 */
final class KeycloakDist {

    /** Written last into a cached dist: only a complete copy has it. */
    static final String BUILT_MARKER = ".guildhall-built";

    private KeycloakDist() {
    }

    /**
     * Unpacks (or copies the cached built dist) into a temporary sibling first and renames it into
     * place, so that an interrupted unpack never leaves a half dist that later starts would take
     * for complete.
     */
    static Path unpacked(Path zip, Path keycloakDir, String version, Path built) throws IOException {
        Path home = keycloakDir.resolve(version);
        if (Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            return home;
        }
        Files.createDirectories(keycloakDir);
        Path temp = Files.createTempDirectory(keycloakDir, ".unpack-");
        try {
            if (isComplete(built)) {
                copyTree(built, temp);
            } else {
                unzipStrippingTopDirectory(zip, temp);
                try (var scripts = Files.list(temp.resolve("bin"))) {
                    scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
                }
            }
            try {
                Files.move(temp, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException racedOrExists) {
                // Another launcher finished unpacking first (or a leftover dir without kc.sh is in the way).
                if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
                    throw racedOrExists;
                }
            }
            return home;
        } finally {
            KafkaBroker.deleteRecursively(temp);
        }
    }

    /**
     * Keeps a started (so built) dist in the machine's cache for the next clone, once per version;
     * {@code data/} (the database, the realm import) stays behind. Returns whether it copied.
     */
    static boolean keepBuilt(Path home, Path built) throws IOException {
        if (isComplete(built)) {
            return false;
        }
        Files.createDirectories(built.getParent());
        Path temp = Files.createTempDirectory(built.getParent(), ".copy-");
        try {
            try (var top = Files.list(home)) {
                for (Path child : (Iterable<Path>) top::iterator) {
                    if (!child.getFileName().toString().equals("data")) {
                        copyTree(child, temp.resolve(child.getFileName().toString()));
                    }
                }
            }
            Files.writeString(temp.resolve(BUILT_MARKER), "built by a Keycloak start in " + home + "\n");
            try {
                Files.move(temp, built, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException racedOrExists) {
                return false;
            } catch (IOException notEmpty) {
                // An incomplete leftover (no marker) is in the way: replace it.
                KafkaBroker.deleteRecursively(built);
                Files.move(temp, built, StandardCopyOption.ATOMIC_MOVE);
            }
            return true;
        } finally {
            KafkaBroker.deleteRecursively(temp);
        }
    }

    private static boolean isComplete(Path built) {
        return built != null && Files.isRegularFile(built.resolve(BUILT_MARKER));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void unzipStrippingTopDirectory(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    copy(in, out);
                }
            }
        }
    }

    private static void copy(InputStream in, Path out) throws IOException {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    }
}
