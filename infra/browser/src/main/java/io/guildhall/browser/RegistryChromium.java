package io.guildhall.browser;

import org.brotli.dec.BrotliInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A headless Chromium for Linux x86-64 from the npm registry: the package {@code @sparticuz/chromium} carries
 * Chromium's headless shell, brotli-compressed, with the few libraries it needs beyond glibc (NSS, expat) and a
 * font. The build fetches the package's tarball over plain HTTPS (no Node), checks it against the pinned
 * integrity hash, and unpacks it once into a per-user cache, so every clone and every run after the first reuses
 * it, as Maven's own repository is reused.
 *
 * <p>Settings: {@code -Dguildhall.browser.registry} / {@code GUILDHALL_NPM_REGISTRY} for an organisation's npm
 * mirror (default {@value #DEFAULT_REGISTRY}); {@code -Dguildhall.browser.cache} / {@code GUILDHALL_BROWSER_CACHE}
 * for the cache (default {@code $XDG_CACHE_HOME/guildhall/browser}, else {@code ~/.cache/guildhall/browser}).
 */
final class RegistryChromium {

    static final String PACKAGE = "@sparticuz/chromium";
    static final String VERSION = "153.0.0";
    /** The registry's own {@code dist.integrity} of the version's tarball. */
    static final String INTEGRITY =
            "sha512-jiGWqSvPMdu4+P9TilYqAR7yEGPEHINx+lCvE/NqNO/EHYzF/x1hUiI5T6ioVIt7dEy7n88byyT0vk+dnsgQwA==";
    static final String DEFAULT_REGISTRY = "https://registry.npmjs.org";
    private static final String READY = ".ready";

    private final String registry;
    private final Path cache;

    RegistryChromium(String registry, Path cache) {
        this.registry = registry.replaceAll("/+$", "");
        this.cache = cache.toAbsolutePath().normalize();
    }

    static RegistryChromium fromSettings() {
        String registry = HeadlessChromium.setting("guildhall.browser.registry", "GUILDHALL_NPM_REGISTRY");
        String cache = HeadlessChromium.setting("guildhall.browser.cache", "GUILDHALL_BROWSER_CACHE");
        return new RegistryChromium(registry == null ? DEFAULT_REGISTRY : registry,
                cache == null ? defaultCache() : Path.of(cache));
    }

    URI tarball() {
        return URI.create(registry + "/" + PACKAGE + "/-/chromium-" + VERSION + ".tgz");
    }

    Path folder() {
        return cache.resolve("chromium-" + VERSION);
    }

    String describe() {
        return PACKAGE + " " + VERSION + " in " + folder();
    }

    static Path executable(Path folder) {
        return folder.resolve("chromium");
    }

    /** What the browser needs in its environment: its own libraries, and its own font configuration. */
    static Map<String, String> environment(Path folder) {
        return Map.of("LD_LIBRARY_PATH", folder.resolve("lib").toString(),
                "FONTCONFIG_PATH", folder.resolve("fontconfig").toString());
    }

    /** The unpacked browser's folder: from the cache, or fetched and unpacked now. */
    Path provision() {
        Path folder = folder();
        if (Files.isRegularFile(folder.resolve(READY))) {
            return folder;
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path download = cache.resolve(".download-" + id + ".tgz");
        Path unpacking = cache.resolve(".unpack-" + id);
        try {
            Files.createDirectories(cache);
            System.err.println("[guildhall] Fetching the browser for the browser tests, once: " + tarball()
                    + " (about 70 MB) into " + folder);
            fetch(download);
            unpack(download, unpacking, folder);
            try {
                Files.move(unpacking, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another build unpacked the same version meanwhile; theirs is as good as ours.
                if (!Files.isRegularFile(folder.resolve(READY))) {
                    throw new IOException(folder + " exists but is incomplete; remove it and run again", e);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new IllegalStateException("The browser tests need a Chromium, and none could be had: " + e
                    + "\nDo one of these: let this machine reach " + registry + " (or set GUILDHALL_NPM_REGISTRY to"
                    + " your npm mirror), or point -Dguildhall.browser (GUILDHALL_BROWSER) at a Chromium or Chrome"
                    + " executable, for example /usr/bin/chromium.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching the browser", e);
        } finally {
            deleteQuietly(download);
            deleteQuietly(unpacking);
        }
    }

    private void fetch(Path into) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .build();
        HttpRequest request = HttpRequest.newBuilder(tarball()).timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha512 = sha512();
        try (InputStream body = new DigestInputStream(response.body(), sha512);
             OutputStream out = Files.newOutputStream(into)) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + tarball() + " answered " + response.statusCode());
            }
            body.transferTo(out);
        }
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
        if (!INTEGRITY.equals(integrity)) {
            throw new IOException("The tarball from " + tarball() + " is not the pinned one: its integrity is "
                    + integrity + ", expected " + INTEGRITY);
        }
    }

    /** The package's browser, its libraries and its font, unpacked, with a font configuration for {@code folder}. */
    static void unpack(Path tarball, Path into, Path folder) throws IOException {
        Path pkg = into.resolve("package-files");
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            Tar.extract(in, pkg);
        }
        Path bin = pkg.resolve("package/bin");
        try (InputStream in = brotli(bin.resolve("chromium.br"))) {
            Files.copy(in, executable(into), StandardCopyOption.REPLACE_EXISTING);
        }
        Tar.executable(executable(into));
        try (InputStream in = brotli(bin.resolve("al2023.tar.br"))) {
            Tar.extract(in, into); // lib/libnss3.so and the rest
        }
        try (InputStream in = brotli(bin.resolve("fonts.tar.br"))) {
            Tar.extract(in, into.resolve("fonts-package")); // fonts/Open_Sans/*.ttf
        }
        deleteQuietly(pkg);
        Path fontconfig = Files.createDirectories(into.resolve("fontconfig"));
        Files.writeString(fontconfig.resolve("fonts.conf"), """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                  <config></config>
                </fontconfig>
                """.formatted(folder.resolve("fonts-package/fonts"), folder.resolve("fontconfig/cache")));
        Files.writeString(into.resolve(READY), PACKAGE + " " + VERSION + "\n");
    }

    private static InputStream brotli(Path file) throws IOException {
        return new BrotliInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("guildhall/browser");
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Leftovers under the cache cost disk space only.
        }
    }
}
