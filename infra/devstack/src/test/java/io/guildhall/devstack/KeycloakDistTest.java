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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

        Path home = KeycloakDist.unpacked(zip, cache, "9.9.9", dir.resolve("no-built-copy"));

        assertEquals(cache.resolve("9.9.9"), home);
        assertTrue(Files.isExecutable(home.resolve("bin/kc.sh")));
        assertEquals("jar", Files.readString(home.resolve("lib/app.jar")));
        Files.writeString(home.resolve("lib/built-here"), "augmented");
        assertEquals(home, KeycloakDist.unpacked(zip, cache, "9.9.9", dir.resolve("no-built-copy")));
        assertTrue(Files.exists(home.resolve("lib/built-here")), "a second call must keep the built dist");
        try (var leftovers = Files.list(cache)) {
            assertEquals(1, leftovers.count(), "temporary unpack directories must not remain");
        }
    }

    @Test
    void a_built_dist_is_kept_without_its_data_and_a_fresh_clone_copies_it_instead_of_the_zip() throws IOException {
        Path zip = dir.resolve("dist.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "keycloak-9.9.9/bin/kc.sh", "#!/bin/bash\n");
            entry(out, "keycloak-9.9.9/lib/app.jar", "jar");
        }
        Path built = dir.resolve("machine-cache/keycloak/9.9.9");
        Path first = KeycloakDist.unpacked(zip, dir.resolve("clone-1/keycloak"), "9.9.9", built);
        Files.writeString(first.resolve("lib/generated-by-the-build"), "augmented");
        Files.createDirectories(first.resolve("data/h2"));
        Files.writeString(first.resolve("data/h2/keycloakdb.mv.db"), "clone 1's users");

        assertTrue(KeycloakDist.keepBuilt(first, built));
        assertFalse(KeycloakDist.keepBuilt(first, built), "kept once per version");
        Files.delete(zip);
        Path second = KeycloakDist.unpacked(zip, dir.resolve("clone-2/keycloak"), "9.9.9", built);

        assertEquals("augmented", Files.readString(second.resolve("lib/generated-by-the-build")));
        assertTrue(Files.isExecutable(second.resolve("bin/kc.sh")));
        assertFalse(Files.exists(second.resolve("data")), "one clone's database never reaches another");
    }

    @Test
    void an_incomplete_cached_copy_is_ignored_and_replaced() throws IOException {
        Path zip = dir.resolve("dist.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "keycloak-9.9.9/bin/kc.sh", "#!/bin/bash\n");
        }
        Path built = dir.resolve("machine-cache/keycloak/9.9.9");
        Files.createDirectories(built.resolve("lib"));
        Files.writeString(built.resolve("lib/half-copied"), "x");

        Path home = KeycloakDist.unpacked(zip, dir.resolve("clone/keycloak"), "9.9.9", built);
        assertFalse(Files.exists(home.resolve("lib/half-copied")), "unpacked from the zip, not the half copy");
        assertTrue(KeycloakDist.keepBuilt(home, built));
        assertTrue(Files.exists(built.resolve(KeycloakDist.BUILT_MARKER)));
        assertFalse(Files.exists(built.resolve("lib/half-copied")));
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        if (content != null) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
