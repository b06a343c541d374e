package io.guildhall.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.SelectOption;
import io.guildhall.browser.HeadlessChromium;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A portal page in the headless Chromium the build brings ({@link HeadlessChromium}: a registry package's
 * Chromium on Linux, fetched once into a per-user cache), driven by Playwright over the DevTools protocol. One
 * browser process serves the whole test JVM; each {@code Browser} is a fresh context of it (its own cookies,
 * storage and downloads). {@link #screenshot} keeps pictures of the pages under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");
    static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int WIDE = 1366;
    private static final int TALL = 900;

    private final Platform platform;
    private final Path downloads;
    private final BrowserContext context;
    private final Page page;
    private final List<Download> downloadsStarted = new CopyOnWriteArrayList<>();
    private final List<String> dialogsAccepted = new CopyOnWriteArrayList<>();
    private int dialogsConfirmed;

    private Browser(Platform platform, com.microsoft.playwright.Browser chromium) {
        this.platform = platform;
        this.downloads = TARGET.resolve("browser/downloads-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(WIDE, TALL).setLocale("en-GB").setAcceptDownloads(true));
        context.setDefaultTimeout(PATIENCE.toMillis());
        this.page = context.newPage();
        page.onDownload(downloadsStarted::add);
        // The page's data-confirm buttons ask with window.confirm(): accept, and remember that it asked.
        page.onDialog(dialog -> {
            dialogsAccepted.add(dialog.message());
            dialog.accept();
        });
    }

    /** A new browser; fails (never skips) with the one thing to do when no Chromium can be had. */
    static Browser open(Platform platform) {
        return new Browser(platform, Shared.chromium());
    }

    /** One Playwright driver and one Chromium per test JVM, started on first use and stopped when the JVM ends. */
    private static final class Shared {
        private static Playwright playwright;
        private static com.microsoft.playwright.Browser chromium;

        static synchronized com.microsoft.playwright.Browser chromium() {
            if (chromium == null) {
                HeadlessChromium located = HeadlessChromium.locate();
                playwright = HeadlessChromium.driver();
                chromium = located.launch(playwright);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        playwright.close();
                    } catch (RuntimeException e) {
                        // The driver's process ends with this JVM anyway.
                    }
                }));
            }
            return chromium;
        }
    }

    /** Opens a portal page, signs in on Keycloak's own login form, and waits until the portal shows {@code path} again. */
    Browser signIn(String path, String username) {
        page.navigate(platform.url(path));
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo");
        click(page.locator("#kc-login"));
        until(p -> p.url().startsWith(platform.url("")) ? Boolean.TRUE : null);
        page.waitForLoadState();
        return this;
    }

    Browser go(String path) {
        page.navigate(platform.url(path));
        return this;
    }

    String url() {
        return page.url();
    }

    /** The portal's address of {@code path}. */
    String platformUrl(String path) {
        return platform.url(path);
    }

    String pageText() {
        return page.locator("body").innerText();
    }

    /** The form control whose {@code <label>} reads {@code label} (exactly, ignoring case and a trailing "*"). */
    Locator field(String label) {
        String selector = until(p -> (String) p.evaluate("""
                label => {
                  const wanted = label.toLowerCase();
                  for (const l of document.querySelectorAll('label')) {
                    if (l.innerText.replace(/\\*/g, '').trim().toLowerCase() !== wanted) continue;
                    if (l.htmlFor) return '[id="' + l.htmlFor + '"]';
                    const control = l.querySelector('input, select, textarea');
                    if (!control) return null;
                    control.dataset.ghField = wanted.replace(/[^a-z0-9]+/g, '-');
                    return '[data-gh-field="' + control.dataset.ghField + '"]';
                  }
                  return null;
                }""", label));
        return page.locator(selector);
    }

    Browser type(String label, String text) {
        field(label).fill(text);
        return this;
    }

    /**
     * Sets a field's value as the page's own script would: for date and time inputs, whose typing rules depend on
     * the browser's locale. Fires the input and change events a user's edit fires.
     */
    Browser set(String label, String value) {
        field(label).evaluate("(element, value) => { element.value = value;"
                + " element.dispatchEvent(new Event('input', {bubbles: true}));"
                + " element.dispatchEvent(new Event('change', {bubbles: true})); }", value);
        return this;
    }

    /** Picks the option whose visible text is {@code option} in the select labelled {@code label}. */
    Browser choose(String label, String option) {
        field(label).selectOption(new SelectOption().setLabel(option));
        return this;
    }

    /** A visible button or link whose text is {@code text}. */
    Locator button(String text) {
        return page.locator("xpath=//*[(self::button or self::a or (self::input and (@type='submit' or @type='button')))"
                + " and (normalize-space(.)=" + literal(text) + " or @value=" + literal(text) + ")] >> visible=true").first();
    }

    Browser click(String text) {
        return click(button(text));
    }

    /**
     * Clicks, and when the click leaves the page (a link, a plain form's submit button) waits until the next page
     * has loaded, so that what the test reads next is that page's. An htmx button, a download link and a button
     * of a form that stays are clicked without waiting: the test waits for what they change.
     */
    Browser click(Locator target) {
        target.waitFor();
        boolean leaves = (Boolean) target.evaluate("""
                element => {
                  const htmx = e => e && ['hx-get', 'hx-post', 'hx-put', 'hx-delete', 'hx-patch']
                      .some(a => e.hasAttribute(a));
                  if (element.tagName === 'A') {
                    const href = element.getAttribute('href') || '';
                    return href !== '' && !href.startsWith('#') && !element.hasAttribute('download') && !htmx(element);
                  }
                  const form = element.form || element.closest('form');
                  const submits = element.tagName === 'BUTTON' ? (element.type || 'submit') === 'submit'
                      : element.type === 'submit';
                  return !!form && submits && !htmx(element) && !htmx(form);
                }""");
        if (!leaves) {
            target.click();
            return this;
        }
        page.evaluate("() => { window.__guildhallPage = true; }");
        target.click();
        until(p -> Boolean.TRUE.equals(p.evaluate("() => window.__guildhallPage === true")) ? null : Boolean.TRUE);
        page.waitForLoadState();
        return this;
    }

    /** Asserts that the click before asked for a confirmation (a {@code data-confirm} button), which was accepted. */
    Browser confirm() {
        until(p -> dialogsAccepted.size() > dialogsConfirmed ? Boolean.TRUE : null);
        dialogsConfirmed++;
        return this;
    }

    Locator byId(String id) {
        Locator element = page.locator("[id=\"" + id + "\"]");
        element.waitFor();
        return element;
    }

    /** Waits until the page (an htmx swap included) shows {@code text}. */
    Browser awaitText(String text) {
        waitUntil(() -> pageText().contains(text), () -> "The page never showed \"" + text + "\"; it shows:\n" + quietText());
        return this;
    }

    /** Waits until the page's text matches {@code regex} somewhere. */
    Browser awaitMatch(String regex) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        waitUntil(() -> pattern.matcher(pageText()).find(), () -> "The page never matched /" + regex + "/; it shows:\n" + quietText());
        return this;
    }

    /**
     * Waits until {@code condition} gives neither null nor false, and returns what it gave. A page being replaced
     * (a navigation, an htmx swap) makes reads fail for a moment: they are tried again.
     */
    <T> T until(Function<Page, T> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        RuntimeException last = null;
        while (true) {
            try {
                T value = condition.apply(page);
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (PlaywrightException e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s in vain on " + page.url()
                        + (last == null ? "" : ": " + last.getMessage()), last);
            }
            page.waitForTimeout(50);
        }
    }

    private void waitUntil(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> message) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (PlaywrightException e) {
                // The page is being replaced; read again.
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(message.get());
            }
            page.waitForTimeout(50);
        }
    }

    private String quietText() {
        try {
            return pageText();
        } catch (PlaywrightException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    Page page() {
        return page;
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png}. */
    Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        axe(name);
        // Every page photographed is also seen, checked and photographed as on a phone.
        return name.endsWith("-375") ? this : checkNarrow(name);
    }

    /** axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules. */
    private static final String AXE_RUN = """
            async () => {
              const results = await axe.run(document, {runOnly: {type: 'tag',
                  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}});
              return results.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                  + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')).join('\\n');
            }""";
    private static String axeSource;

    /**
     * Runs axe-core on the page as it is (at the viewport's width), and fails naming every WCAG 2.2 A/AA violation.
     * Every screenshot runs it, so every page the browser tests photograph is checked at 1366 px and at 375 px.
     */
    Browser axe(String name) {
        if (axeSource == null) {
            try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path");
                }
                axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(axeSource);
        }
        String violations = (String) page.evaluate(AXE_RUN);
        if (violations != null && !violations.isBlank()) {
            throw new AssertionError("axe-core finds WCAG violations on " + name + " (" + page.url() + "):\n" + violations);
        }
        return this;
    }

    /**
     * The page at a phone's width (375 px): saved as {@code <name>-375.png}, and asserted to fit without sideways
     * scrolling.
     */
    private Browser checkNarrow(String name) {
        page.setViewportSize(375, 812);
        try {
            // Charts resize on a ResizeObserver callback, a frame or two after the window did: give the layout up
            // to 3 s to settle before measuring.
            Number overflow;
            Instant settled = Instant.now().plusSeconds(3);
            do {
                overflow = (Number) page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow.intValue() <= 0) {
                    break;
                }
                page.waitForTimeout(100);
            } while (Instant.now().isBefore(settled));
            screenshot(name + "-375");
            if (overflow.intValue() > 0) {
                // Name the culprits: the elements that reach beyond the viewport's right edge.
                Object culprits = page.evaluate("""
                        () => {
                          var limit = document.documentElement.clientWidth, found = [];
                          document.querySelectorAll('body *').forEach(function (e) {
                            var r = e.getBoundingClientRect();
                            if (r.right > limit + 1 && found.length < 8) {
                              found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                                + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')
                                + ' right=' + Math.round(r.right));
                            }
                          });
                          return found.join(', ');
                        }""");
                throw new AssertionError(name + " scrolls sideways at 375 px by " + overflow + " px: " + culprits);
            }
        } finally {
            page.setViewportSize(WIDE, TALL);
        }
        return this;
    }

    /** The file the browser downloaded whose name ends with {@code suffix}, saved once complete. */
    Path downloaded(String suffix) {
        Download download = until(p -> downloadsStarted.stream()
                .filter(d -> d.suggestedFilename().endsWith(suffix)).findFirst().orElse(null));
        Path file = downloads.resolve(download.suggestedFilename());
        download.saveAs(file);
        return file;
    }

    @Override
    public void close() {
        context.close();
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
