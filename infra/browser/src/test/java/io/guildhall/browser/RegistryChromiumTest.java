package io.guildhall.browser;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryChromiumTest {

    @Test
    void a_tarball_that_is_not_the_pinned_one_is_refused_with_what_to_do_and_nothing_is_left_in_the_cache(@TempDir Path cache)
            throws IOException {
        HttpServer registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", exchange -> {
            byte[] body = gzip(tar("package/bin/chromium.br", "not a browser".getBytes(StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        registry.start();
        try {
            RegistryChromium chromium = new RegistryChromium(
                    "http://127.0.0.1:" + registry.getAddress().getPort() + "/", cache);
            IllegalStateException refused = assertThrows(IllegalStateException.class, chromium::provision);
            assertTrue(refused.getMessage().contains("is not the pinned one"), refused.getMessage());
            assertTrue(refused.getMessage().contains("GUILDHALL_BROWSER"), refused.getMessage());
            try (var left = Files.list(cache)) {
                assertEquals(0, left.count(), "no download or half-unpacked folder stays behind");
            }
        } finally {
            registry.stop(0);
        }
    }

    @Test
    void an_unreachable_registry_is_named_with_the_one_thing_to_do(@TempDir Path cache) {
        RegistryChromium chromium = new RegistryChromium("http://127.0.0.1:9", cache);
        IllegalStateException refused = assertThrows(IllegalStateException.class, chromium::provision);
        assertTrue(refused.getMessage().contains("http://127.0.0.1:9"), refused.getMessage());
        assertTrue(refused.getMessage().contains("-Dguildhall.browser"), refused.getMessage());
        assertFalse(Files.exists(chromium.folder()));
    }

    @Test
    void tar_keeps_long_names_and_the_execute_bit_and_refuses_paths_outside_its_folder(@TempDir Path into) throws IOException {
        String longName = "package/" + "deep/".repeat(30) + "tool";
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        archive.writeBytes(header("././@LongLink", longName.length() + 1, 'L', 0644));
        archive.writeBytes(padded((longName + "\0").getBytes(StandardCharsets.UTF_8)));
        archive.writeBytes(header("package/deep/ignored", 2, '0', 0755));
        archive.writeBytes(padded("ok".getBytes(StandardCharsets.UTF_8)));
        archive.writeBytes(new byte[1024]);
        Tar.extract(new java.io.ByteArrayInputStream(archive.toByteArray()), into);
        Path tool = into.resolve(longName);
        assertEquals("ok", Files.readString(tool));
        assertTrue(Files.isExecutable(tool));

        byte[] escaping = tar("../outside", "x".getBytes(StandardCharsets.UTF_8));
        IOException refused = assertThrows(IOException.class,
                () -> Tar.extract(new java.io.ByteArrayInputStream(escaping), into.resolve("inner")));
        assertTrue(refused.getMessage().contains("outside"), refused.getMessage());
        assertFalse(Files.exists(into.resolve("outside")));
    }

    private static byte[] tar(String name, byte[] content) {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        archive.writeBytes(header(name, content.length, '0', 0644));
        archive.writeBytes(padded(content));
        archive.writeBytes(new byte[1024]);
        return archive.toByteArray();
    }

    private static byte[] header(String name, long size, char type, int mode) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, String.format("%07o", mode));
        put(header, 124, String.format("%011o", size));
        header[156] = (byte) type;
        put(header, 257, "ustar");
        return header;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, 100));
    }

    private static byte[] padded(byte[] content) {
        byte[] block = new byte[(content.length + 511) / 512 * 512];
        System.arraycopy(content, 0, block, 0, content.length);
        return block;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
