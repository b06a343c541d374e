package io.guildhall.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oversight page is the executives': they see the chart against the target; an employee is refused. */
@ExtendWith(PlatformExtension.class)
class OversightBrowserIT {

    @Test
    void an_executive_sees_the_oversight_chart(Platform platform) {
        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/executive", "katherine").awaitText("By department");
            assertTrue(browser.page().locator("#oversight-unavailable").count() == 0, browser.pageText());
            Locator chart = browser.page().locator("section[aria-labelledby='h-groups'] canvas");
            // Chart.js drew it: the canvas has a chart instance and a size.
            Boolean drawn = browser.until(page -> (Boolean) chart.evaluate(
                    "canvas => !!(window.Chart && Chart.getChart(canvas) && canvas.width > 0)"));
            assertTrue(drawn);
            assertTrue(chart.getAttribute("aria-label").contains("against the target"), chart.getAttribute("aria-label"));
            assertEquals(1, browser.page().locator("#oversight-groups").count(), "the figures are in a table too");
            browser.screenshot("oversight");
        }
    }

    @Test
    void an_employee_who_opens_the_oversight_page_is_refused(Platform platform) {
        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/executive", "ada").awaitText("You may not open this page");
            browser.screenshot("oversight-refused");
            assertTrue(browser.url().endsWith("/executive"), browser.url());
            assertTrue(browser.page().locator("#oversight-groups").count() == 0, "no oversight figures for an employee");
            assertFalse(browser.pageText().contains("Oversight\n"), "no oversight entry in an employee's navigation");
        }
    }
}
