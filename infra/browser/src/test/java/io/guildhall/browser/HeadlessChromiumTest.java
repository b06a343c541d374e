package io.guildhall.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first thing {@code ./mvnw verify} checks: the browser the portal's tests drive can be had on this machine and
 * draws a page (text in its font, a canvas as the charts use), so a machine without one learns it in the first
 * minute and with the one thing to do, never after the other tests.
 */
class HeadlessChromiumTest {

    @Test
    void the_browser_the_tests_drive_starts_and_draws_a_page() throws IOException {
        HeadlessChromium chromium = HeadlessChromium.locate();
        try (Playwright playwright = HeadlessChromium.driver(); Browser browser = chromium.launch(playwright)) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(400, 200)).newPage();
            page.setContent("""
                    <!doctype html><meta charset="utf-8"><body style="margin:0;font-family:system-ui,sans-serif">
                    <h1 id="title">Guildhall – Größe</h1>
                    <canvas id="chart" width="100" height="50"></canvas>
                    <script>document.getElementById('chart').getContext('2d').fillRect(0, 0, 100, 50);</script>""");
            assertEquals("Guildhall – Größe", page.textContent("#title"));
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(page.screenshot()));
            assertEquals(400, shot.getWidth());
            int canvasTop = (int) Math.round(((Number) page.evaluate(
                    "document.getElementById('chart').getBoundingClientRect().top")).doubleValue());
            assertEquals(0xff000000, shot.getRGB(50, canvasTop + 25), "the canvas is drawn, as the charts need");
            double textWidth = ((Number) page.evaluate("document.getElementById('title').getBoundingClientRect().width"))
                    .doubleValue();
            assertTrue(textWidth > 50, "the heading is set in a font (" + textWidth + " px wide)");
            System.err.println("[guildhall] browser tests will drive " + chromium.description() + " ("
                    + browser.version() + ")");
        }
    }
}
