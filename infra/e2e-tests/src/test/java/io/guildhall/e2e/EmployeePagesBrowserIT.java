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
            String circle = "Tea Circle " + java.util.UUID.randomUUID().toString().substring(0, 6);
            Api.foundCommunity(platform, platform.stack().accessToken("grace"), "{\"name\":\"" + circle
                    + "\",\"description\":\"Tea and talks\",\"practiceArea\":\"tea\"}");
            browser.go("/communities?q=" + circle.replace(' ', '+')).awaitText(circle);
            // membership-service learns of the new community from Kafka a moment later: then the card counts its lead.
            String firstCard = browser.until(page -> {
                String card = page.locator(".community-card").first().innerText();
                if (card.contains("member")) {
                    return card;
                }
                page.reload();
                return null;
            });
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

        // Any employee starts a community: every mistake in plain words first, then she is its first lead, and the
        // navigation offers her the lead's pages (hedy holds no lead role and led nothing before).
        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/communities", "hedy").awaitText("Communities");
            assertEquals(0, browser.page().locator("nav[aria-label=Main] a[href='/lead']").count(), "no Lead link yet");
            browser.go("/communities").click("Start a community").awaitText("Anyone can start one");
            browser.click("Start the community");
            assertEquals("Give it a name", browser.byId("f-name-error").innerText());
            assertEquals("Say what it is about", browser.byId("f-description-error").innerText());
            assertTrue(browser.byId("f-practiceArea-error").innerText().startsWith("Name its practice area"),
                    browser.byId("f-practiceArea-error").innerText());
            browser.screenshot("community-start-refused");
            String name = "Rust Readers " + java.util.UUID.randomUUID().toString().substring(0, 6);
            browser.type("Name", name).type("What it is about", "Reading the Rust book together, a chapter a week.")
                    .type("Practice area", "rust").click("Start the community").awaitText("you are its first lead");
            assertTrue(browser.pageText().contains(name), browser.pageText());
            browser.screenshot("community-started");

            // membership-service learns that she leads it from Kafka a moment later.
            browser.until(page -> {
                page.reload();
                return page.locator("nav[aria-label=Main] a[href='/lead']").count() == 1 ? Boolean.TRUE : null;
            });
            browser.click(browser.page().locator("nav[aria-label=Main] a[href='/lead']")).awaitText(name);
        }
    }
}
