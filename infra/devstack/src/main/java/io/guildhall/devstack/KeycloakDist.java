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
 */
final class KeycloakDist {

    private KeycloakDist() {
    }

    /**
     * Unpacks into a temporary sibling first and renames it into place, so that an interrupted
     * unpack never leaves a half dist that later starts would take for complete.
     */
    static Path unpacked(Path zip, Path keycloakDir, String version) throws IOException {
        Path home = keycloakDir.resolve(version);
        if (Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            return home;
        }
        Files.createDirectories(keycloakDir);
        Path temp = Files.createTempDirectory(keycloakDir, ".unpack-");
        try {
            unzipStrippingTopDirectory(zip, temp);
            try (var scripts = Files.list(temp.resolve("bin"))) {
                scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
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
