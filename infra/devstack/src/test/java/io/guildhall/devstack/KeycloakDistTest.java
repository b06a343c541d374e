package io.guildhall.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakDistTest {

    @TempDir
    Path dir;

    @Test
    void unpacks_without_the_top_directory_with_executable_scripts_and_only_once() throws IOException {
        Path zip = dir.resolve("dist.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "keycloak-9.9.9/", null);
            entry(out, "keycloak-9.9.9/bin/", null);
            entry(out, "keycloak-9.9.9/bin/kc.sh", "#!/bin/bash\n");
            entry(out, "keycloak-9.9.9/lib/app.jar", "jar");
        }
        Path cache = dir.resolve("keycloak");

        Path home = KeycloakDist.unpacked(zip, cache, "9.9.9");

        assertEquals(cache.resolve("9.9.9"), home);
        assertTrue(Files.isExecutable(home.resolve("bin/kc.sh")));
        assertEquals("jar", Files.readString(home.resolve("lib/app.jar")));
        Files.writeString(home.resolve("lib/built-here"), "augmented");
        assertEquals(home, KeycloakDist.unpacked(zip, cache, "9.9.9"));
        assertTrue(Files.exists(home.resolve("lib/built-here")), "a second call must keep the built dist");
        try (var leftovers = Files.list(cache)) {
            assertEquals(1, leftovers.count(), "temporary unpack directories must not remain");
        }
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        if (content != null) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
