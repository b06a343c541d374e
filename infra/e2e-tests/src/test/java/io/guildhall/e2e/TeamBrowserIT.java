package io.guildhall.e2e;

import com.microsoft.playwright.Response;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.person.PersonRegistered;
import io.guildhall.testsupport.TopicClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The managers' view (issue 17): radia, with five direct reports in the directory's events, reads her team as one
 * group; ada, who has none, is refused; nobody in the team is shown.
 */
@ExtendWith(PlatformExtension.class)
class TeamBrowserIT {

    @Test
    void a_manager_reads_her_team_as_one_group_and_someone_without_reports_is_refused(Platform platform) {
        String radia = platform.stack().personId("radia");
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 5; i++) {
            // As membership-service's directory sync publishes people: these five report to radia.
            PersonRegistered report = new PersonRegistered("team-" + run + "-" + i, null, "Engineering", "IC", "Berlin",
                    radia, 40, false, true, LocalDate.now().minusDays(30), Instant.now());
            String json = "{\"personId\":\"" + report.personId() + "\",\"displayName\":null,\"department\":\"Engineering\","
                    + "\"level\":\"IC\",\"location\":\"Berlin\",\"managerId\":\"" + radia + "\",\"weeklyHours\":40,"
                    + "\"weeklyHoursDefaulted\":false,\"active\":true,\"effectiveFrom\":\"" + report.effectiveFrom()
                    + "\",\"registeredAt\":\"" + report.registeredAt() + "\"}";
            TopicClient.send(platform.stack().kafkaBootstrapServers(), Topics.PERSON, report.personId(),
                    json.getBytes(StandardCharsets.UTF_8),
                    CloudEventHeaders.newEvent(report, "/membership-service", Instant.now(), null).toKafkaHeaders());
        }

        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/me", "radia").awaitText("My participation");
            // analytics learns of her team from Kafka a moment later.
            browser.until(page -> {
                page.reload();
                return page.locator("#team-link").count() == 1 ? Boolean.TRUE : null;
            });
            browser.click("My team's participation").awaitText("people report to you");
            String headline = browser.byId("team-headline").innerText();
            // Five at least (a stack reused from ./guildhall up also holds the demo organisation's people).
            java.util.regex.Matcher size = java.util.regex.Pattern.compile("(\\d+) people report to you").matcher(headline);
            assertTrue(size.find() && Integer.parseInt(size.group(1)) >= 5 && headline.contains("Share of work time"), headline);
            assertTrue(!browser.pageText().contains("team-" + run), "nobody in the team is shown");
            browser.screenshot("team");
        }
        try (Browser browser = Browser.open(platform)) {
            browser.signIn("/me", "ada").awaitText("My participation");
            assertEquals(0, browser.page().locator("#team-link").count());
            Response refused = browser.page().navigate(platform.url("/me/team"));
            assertEquals(403, refused.status());
            assertTrue(browser.pageText().contains("You may not open this page"), browser.pageText());
        }
    }
}
