package io.guildhall.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An employee's contribution log on her "me" page, in a real browser: she logs time spent mentoring in her
 * community, corrects the entry (a refused value comes back at its field with what she typed), and deletes it.
 */
@ExtendWith(PlatformExtension.class)
class ContributionsBrowserIT {

    @Test
    void an_employee_logs_a_contribution_corrects_it_and_deletes_it(Platform platform) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String community = "Compilers Guild " + run;
        String id = Api.foundCommunity(platform, platform.stack().accessToken("tim"), "{\"name\":\"" + community
                + "\",\"description\":\"Parsers and code generation\",\"practiceArea\":\"compilers\"}");
        // Contributions are logged against a community of mine; membership-service learns of it from Kafka.
        Api.eventually(platform, "POST", "/api/communities/" + id + "/members", platform.stack().accessToken("margaret"), 201);
        String note = "Paired on the parser " + run;

        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/me", "margaret").awaitText("My contributions");
            browser.choose("Community", community).choose("Kind", "mentoring").type("Minutes", "45").type("Note (optional)", note);
            browser.click("Log it").awaitText("Logged.");
            assertEquals(List.of("mentoring", community, "45", note), cells(row(browser, note)).subList(1, 5));
            browser.screenshot("me-contribution-logged");

            browser.click(row(browser, note).locator("xpath=.//a[normalize-space(.)='Edit']"));
            browser.awaitText("Correct a contribution");
            browser.type("Minutes", "ninety").type("Note (optional)", note + " and the lexer").click("Save correction");
            assertFalse(browser.byId("f-minutes-error").innerText().isBlank(), "the message is at the minutes field");
            assertEquals("true", browser.field("Minutes").getAttribute("aria-invalid"));
            assertEquals("ninety", browser.field("Minutes").inputValue(), "what she typed stays");
            assertEquals(note + " and the lexer", browser.field("Note (optional)").inputValue());
            browser.screenshot("contribution-correct-refused");

            browser.type("Minutes", "90").click("Save correction").awaitText(note + " and the lexer");
            assertTrue(browser.url().contains("/me"), browser.url());
            assertEquals("90", cells(row(browser, note + " and the lexer")).get(3), "the corrected minutes");
            browser.screenshot("me-contribution-corrected");

            browser.click(row(browser, note + " and the lexer").locator("xpath=.//button[normalize-space(.)='Delete']"));
            browser.confirm().awaitText("Deleted.");
            assertTrue(browser.page().locator("xpath=//table[@id='contribution-log']//tr[td[contains(., '" + note + "')]]").count() == 0,
                    "the entry is gone: " + browser.pageText());
            browser.screenshot("me-contribution-deleted");
        }
    }

    private static Locator row(Browser browser, String note) {
        return browser.until(page -> {
            Locator rows = page.locator("xpath=//table[@id='contribution-log']//tr[td[normalize-space(.)='" + note + "']]");
            return rows.count() > 0 ? rows.first() : null;
        });
    }

    private static List<String> cells(Locator row) {
        return row.locator("td").allInnerTexts().stream().map(String::strip).toList();
    }
}
