package io.guildhall.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A community lead in a real browser sets a goal for her community and checks in its progress. */
@ExtendWith(PlatformExtension.class)
class LeadGoalBrowserIT {

    @Test
    void a_lead_creates_a_goal_and_checks_in_progress(Platform platform) {
        String name = "Testing Guild " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> founded = Api.call(platform, "POST", "/api/communities", platform.stack().accessToken("grace"),
                "{\"name\":\"" + name + "\",\"description\":\"Tests that matter\",\"practiceArea\":\"testing\"}");
        assertEquals(201, founded.statusCode(), founded.body());
        String communityId = Api.field(founded.body(), "id");

        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/lead/communities/" + communityId, "grace").awaitText(name);
            browser.click("Set a goal").awaitText("Set a goal");
            browser.type("Title", "Publish testing guides")
                    .choose("What it measures", "custom")
                    .type("Unit (custom goals, e.g. blog posts)", "guides")
                    .type("Target", "4")
                    .set("Due date", LocalDate.now().plusMonths(3).toString());
            browser.screenshot("lead-goal-form");
            browser.click("Set goal").awaitText("Publish testing guides");
            assertTrue(browser.url().endsWith("/lead/communities/" + communityId), browser.url());

            WebElement goal = browser.driver().findElement(By.xpath("//article[contains(@class,'goal')][h3[normalize-space(.)='Publish testing guides']]"));
            goal.findElement(By.cssSelector("input[name='value']")).sendKeys("1");
            goal.findElement(By.cssSelector("input[name='comment']")).sendKeys("First guide is out");
            goal.findElement(By.xpath(".//button[normalize-space(.)='Check in']")).click();
            browser.awaitText("Check-in saved.").awaitMatch("1(\\.0)? of 4(\\.0)? guides \\(25 %\\)");
            browser.screenshot("lead-community").checkNarrow("lead-community");
        }
    }
}
