package io.guildhall.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The browser the portal's tests drive, and how to start it through Playwright. Where it comes from, first match:
 * <ol>
 *   <li>{@code -Dguildhall.browser} or {@code GUILDHALL_BROWSER}: the path of a Chromium or Chrome executable, or an
 *       installed channel's name ({@code chrome}, {@code msedge});</li>
 *   <li>on Linux x86-64: the headless Chromium of a registry package ({@link RegistryChromium}), downloaded once
 *       into a per-user cache; it needs nothing from the machine but glibc;</li>
 *   <li>elsewhere (a developer's Mac or Windows laptop): the Google Chrome installed there.</li>
 * </ol>
 * Playwright drives it over the DevTools protocol, so no chromedriver is needed, and it never downloads a browser
 * of its own ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}).
 */
public final class HeadlessChromium {

    private final String description;
    private final Path executable;
    private final String channel;
    private final Map<String, String> env;

    private HeadlessChromium(String description, Path executable, String channel, Map<String, String> env) {
        this.description = description;
        this.executable = executable;
        this.channel = channel;
        this.env = env;
    }

    /** Finds or fetches the browser; throws {@link IllegalStateException} saying what to do when none can be had. */
    public static HeadlessChromium locate() {
        String chosen = setting("guildhall.browser", "GUILDHALL_BROWSER");
        if (chosen != null) {
            if (chosen.contains("/") || chosen.contains("\\")) {
                Path path = Path.of(chosen);
                if (!Files.isExecutable(path)) {
                    throw new IllegalStateException("guildhall.browser / GUILDHALL_BROWSER names " + chosen
                            + ", which is not an executable file. Point it at a Chromium or Chrome executable,"
                            + " or unset it to let the build fetch its own.");
                }
                return new HeadlessChromium(chosen, path, null, Map.of());
            }
            return new HeadlessChromium("installed channel " + chosen, null, chosen, Map.of());
        }
        if (linuxX64()) {
            RegistryChromium registry = RegistryChromium.fromSettings();
            Path folder = registry.provision();
            return new HeadlessChromium(registry.describe(), RegistryChromium.executable(folder), null,
                    RegistryChromium.environment(folder));
        }
        return new HeadlessChromium("installed channel chrome", null, "chrome", Map.of());
    }

    /** Playwright's driver, told never to download browsers of its own. Close it when done. */
    public static Playwright driver() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    /** Starts the browser headless, without a sandbox (CI runs as root), with software rendering. */
    public Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setChromiumSandbox(false)
                .setArgs(List.of("--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--font-render-hinting=none"));
        if (executable != null) {
            options.setExecutablePath(executable);
        }
        if (channel != null) {
            options.setChannel(channel);
        }
        if (!env.isEmpty()) {
            Map<String, String> merged = new HashMap<>(System.getenv());
            env.forEach((key, value) -> merged.merge(key, value, (old, added) ->
                    "LD_LIBRARY_PATH".equals(key) ? added + ":" + old : added));
            options.setEnv(merged);
        }
        try {
            return playwright.chromium().launch(options);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The browser (" + description + ") did not start: " + e.getMessage()
                    + "\nPoint -Dguildhall.browser (GUILDHALL_BROWSER) at a Chromium or Chrome executable that runs"
                    + " here, or remove " + (executable == null ? "the setting" : executable.getParent())
                    + " to fetch it again.", e);
        }
    }

    public String description() {
        return description;
    }

    static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean linuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
