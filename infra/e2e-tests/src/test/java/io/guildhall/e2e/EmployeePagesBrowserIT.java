package io.guildhall.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

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
            browser.screenshot("home").checkNarrow("home");

            // The first Tab lands on the skip link, and following it puts the keyboard in the page's main content.
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement focused = browser.driver().switchTo().activeElement();
            assertEquals("Skip to main content", focused.getAttribute("textContent").strip());
            focused.sendKeys(Keys.ENTER);
            assertEquals("main", browser.driver().switchTo().activeElement().getAttribute("id"));

            browser.go("/communities").awaitText("Communities");
            browser.screenshot("communities").checkNarrow("communities");

            browser.go("/me").awaitText("My participation");
            assertTrue(browser.driver().findElements(By.id("participation-unavailable")).isEmpty(), browser.pageText());
            assertTrue(!browser.driver().findElements(By.id("by-week")).isEmpty(), "the weekly figures are in a table");
            browser.screenshot("me").checkNarrow("me");
        }
    }
}
