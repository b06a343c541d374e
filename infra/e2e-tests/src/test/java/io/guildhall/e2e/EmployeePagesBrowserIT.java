package io.guildhall.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An employee's own pages (home, communities, my participation) render with their data sections, work at 375 px
 * and from the keyboard; their screenshots join the other pages' in target/screenshots/.
 */
@ExtendWith(PlatformExtension.class)
class EmployeePagesBrowserIT {

    @Test
    void an_employee_reaches_home_communities_and_her_participation_by_keyboard_and_on_a_phone(Platform platform) {
        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/", "ada").awaitText("Welcome, Ada");
            browser.screenshot("home");

            // The first Tab lands on the skip link, and following it puts the keyboard in the page's main content.
            browser.page().keyboard().press("Tab");
            assertEquals("Skip to main content", browser.page().evaluate("() => document.activeElement.textContent.trim()"));
            browser.page().keyboard().press("Enter");
            assertEquals("main", browser.page().evaluate("() => document.activeElement.id"));

            browser.go("/communities").awaitText("Communities");
            browser.screenshot("communities");
            // Cards say how many are in, what comes next and whether she joined; an empty search has a way out;
            // a page past the last shows the last.
            String firstCard = browser.page().locator(".community-card").first().innerText();
            assertTrue(firstCard.matches("(?s).*\\d+ members?.*") && (firstCard.contains("Next: ") || firstCard.contains("No event planned")),
                    firstCard);
            browser.go("/communities?q=zz-no-such-community").awaitText("No community matches");
            assertTrue(browser.button("Show all communities").isVisible());
            assertTrue(!browser.pageText().contains("0 communities"), browser.pageText());
            browser.screenshot("communities-none");
            browser.go("/communities?page=99").awaitText("here is the last");
            assertTrue(!browser.pageText().contains("Page 100"), browser.pageText());

            browser.go("/me").awaitText("My participation");
            assertTrue(browser.page().locator("#participation-unavailable").count() == 0, browser.pageText());
            assertTrue(browser.page().locator("#by-week").count() > 0, "the weekly figures are in a table");
            browser.screenshot("me");
        }
    }
}
