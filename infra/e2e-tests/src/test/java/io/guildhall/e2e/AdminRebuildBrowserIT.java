package io.guildhall.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin rebuilds analytics' figures from the portal and follows it to the end; the figures people see stay whole
 * meanwhile (analytics' ReplayTest proves that row for row); an employee cannot open the page.
 */
@ExtendWith(PlatformExtension.class)
class AdminRebuildBrowserIT {

    @Test
    void an_admin_rebuilds_the_figures_and_follows_it_to_the_end(Platform platform) {
        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/admin/rebuild", "dennis").awaitText("Rebuild the figures");
            browser.click("Rebuild now").confirm().awaitText("Latest rebuild");
            // A few seconds on the e2e history: reload until the switch is done.
            browser.until(page -> {
                String state = browser.byId("rebuild-state").innerText().strip();
                if (state.equals("done")) {
                    return true;
                }
                assertTrue(state.equals("building") || state.equals("switching"), "state " + state);
                page.waitForTimeout(500);
                browser.go("/admin/rebuild");
                return null;
            });
            assertTrue(Long.parseLong(browser.byId("rebuild-applied").innerText().strip()) > 0, browser.pageText());
            browser.screenshot("admin-rebuild");
        }
    }

    @Test
    void an_employee_cannot_open_the_rebuild_page(Platform platform) {
        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/admin/rebuild", "ada").awaitText("You may not open this page");
            assertEquals(0, browser.page().locator("#rebuild-latest").count());
        }
    }
}
