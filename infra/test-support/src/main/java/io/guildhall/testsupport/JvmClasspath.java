package io.guildhall.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * This JVM's classpath as a {@code -cp} value for a child JVM. Surefire may run tests from a
 * manifest-only booter jar, whose java.class.path is that one jar: its Class-Path is expanded.
 */
final class JvmClasspath {

    private JvmClasspath() {
    }

    static String current() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            // Absolute: the launcher runs in the repository root, not in this JVM's working directory.
            Path path = Path.of(entry).toAbsolutePath();
            entries.add(path.toString());
            if (entry.endsWith(".jar")) {
                entries.addAll(manifestClassPath(path));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Set<String> manifestClassPath(Path jar) {
        Set<String> entries = new LinkedHashSet<>();
        if (!Files.isRegularFile(jar)) {
            return entries;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return entries;
            }
            URI base = jar.toAbsolutePath().getParent().toUri();
            for (String item : classPath.trim().split("\\s+")) {
                URI uri = base.resolve(item);
                entries.add("file".equals(uri.getScheme()) ? Path.of(uri).toString() : item);
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not a jar we can read: its own path is still on the list.
        }
        return entries;
    }
}
