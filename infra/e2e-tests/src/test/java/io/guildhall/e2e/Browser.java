package io.guildhall.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's headless chromium, driven through its own chromedriver (never a driver or browser that Selenium
 * Manager would download: nothing outside the machine is reachable). Each browser has a fresh profile and
 * download folder; {@link #screenshot} keeps pictures of the pages under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("guildhall.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("guildhall.chromedriver", "/usr/bin/chromedriver"));
    static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");
    static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Platform platform;
    private final Path profile;
    private final Path downloads;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(Platform platform) {
        this.platform = platform;
        String id = UUID.randomUUID().toString().substring(0, 8);
        this.profile = TARGET.resolve("browser/profile-" + id);
        this.downloads = TARGET.resolve("browser/downloads-" + id);
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = waiting();
    }

    /** A new browser; fails (never skips) with what to install when chromium or chromedriver is missing. */
    static Browser open(Platform platform) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError("The browser tests need Debian's chromium and chromedriver, and " + binary
                        + " is missing. Install them with: sudo apt-get install -y chromium chromium-driver"
                        + " (or point -Dguildhall.chromium / -Dguildhall.chromedriver at them)");
            }
        }
        return new Browser(platform);
    }

    /** Opens a portal page, signs in on Keycloak's own login form, and waits until the portal shows {@code path} again. */
    Browser signIn(String path, String username) {
        driver.get(platform.url(path));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(platform.url("")));
        return this;
    }

    Browser go(String path) {
        driver.get(platform.url(path));
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The form control whose {@code <label>} reads {@code label} (exactly, ignoring case and a trailing "*"). */
    WebElement field(String label) {
        WebElement element = wait.until(d -> d.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().replace("*", "").trim().equalsIgnoreCase(label))
                .findFirst().orElse(null));
        String forId = element.getAttribute("for");
        return forId != null && !forId.isEmpty() ? driver.findElement(By.id(forId)) : element.findElement(By.cssSelector("input, select, textarea"));
    }

    Browser type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Sets a field's value as the page's own script would: for date and time inputs, whose typing rules depend on
     * the browser's locale. Fires the input and change events a user's edit fires.
     */
    Browser set(String label, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field(label), value);
        return this;
    }

    /** Picks the option whose visible text is {@code option} in the select labelled {@code label}. */
    Browser choose(String label, String option) {
        new Select(field(label)).selectByVisibleText(option);
        return this;
    }

    /** A visible button or link whose text is {@code text}. */
    WebElement button(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[(self::button or self::a or (self::input and (@type='submit' or @type='button')))"
                        + " and (normalize-space(.)=" + literal(text) + " or @value=" + literal(text) + ")]")));
    }

    Browser click(String text) {
        button(text).click();
        return this;
    }

    /** Accepts the confirmation the page asked for (a {@code data-confirm} button's dialog). */
    Browser confirm() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        return this;
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Waits until the page (an htmx swap included) shows {@code text}. */
    Browser awaitText(String text) {
        waiting().withMessage(() -> "The page never showed \"" + text + "\"; it shows:\n" + pageText())
                .until(d -> pageText().contains(text));
        return this;
    }

    /** A page that is being replaced (navigation, htmx swap) leaves stale elements behind: look again. */
    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class);
    }

    /** Waits until the page's text matches {@code regex} somewhere. */
    Browser awaitMatch(String regex) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        waiting().withMessage(() -> "The page never matched /" + regex + "/; it shows:\n" + pageText())
                .until(d -> pattern.matcher(pageText()).find());
        return this;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png}. */
    Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * The page at a phone's width (375 px): saved as {@code <name>-375.png}, and asserted to fit without sideways
     * scrolling.
     */
    Browser checkNarrow(String name) {
        Dimension wide = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(375, 812));
        try {
            // Charts resize on a ResizeObserver callback, a frame or two after the window did: give the layout up
            // to 3 s to settle before measuring.
            Long overflow = null;
            Instant settled = Instant.now().plusSeconds(3);
            do {
                overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (overflow != null && overflow <= 0) {
                    break;
                }
                sleepQuietly(100);
            } while (Instant.now().isBefore(settled));
            screenshot(name + "-375");
            if (overflow == null || overflow > 0) {
                // Name the culprits: the elements that reach beyond the viewport's right edge.
                Object culprits = ((JavascriptExecutor) driver).executeScript("""
                        var limit = document.documentElement.clientWidth, found = [];
                        document.querySelectorAll('body *').forEach(function (e) {
                          var r = e.getBoundingClientRect();
                          if (r.right > limit + 1 && found.length < 8) {
                            found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                              + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')
                              + ' right=' + Math.round(r.right));
                          }
                        });
                        return found.join(', ');""");
                throw new AssertionError(name + " scrolls sideways at 375 px by " + overflow + " px: " + culprits);
            }
        } finally {
            driver.manage().window().setSize(wide);
        }
        return this;
    }

    /** The file the browser downloaded whose name ends with {@code suffix}, once complete. */
    Path downloaded(String suffix) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No *" + suffix + " was downloaded to " + downloads);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile);
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A profile left behind under target/ costs disk space only.
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
