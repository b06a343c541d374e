package io.guildhall.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A community that admits by request, in two real browsers: an employee (alan) asks to join; its lead (barbara)
 * sees the request by name on her lead page, declines it (a decline without a reason is refused at the reason
 * field), and alan's page says it was declined and why; he asks again, barbara approves, and he is a member.
 */
@ExtendWith(PlatformExtension.class)
class JoinByRequestBrowserIT {

    @Test
    void an_employee_asks_to_join_is_declined_with_a_reason_asks_again_and_is_approved(Platform platform) {
        String name = "Security Circle " + UUID.randomUUID().toString().substring(0, 6);
        String barbara = platform.stack().accessToken("barbara");
        String id = Api.foundCommunity(platform, barbara, "{\"name\":\"" + name + "\",\"description\":\"Threat models"
                + " and reviews\",\"practiceArea\":\"security\",\"visibility\":\"REQUEST_TO_JOIN\"}");
        // membership-service learns of the community, and of barbara as its lead, from Kafka.
        Api.eventually(platform, "GET", "/api/communities/" + id + "/membership-requests", barbara, 200);

        try (Browser alan = Browser.open(platform); Browser lead = Browser.open(platform)) {
            alan.signIn("/communities/" + id, "alan").awaitText(name).awaitText("joins by request");
            alan.click("Request to join").awaitText("Your request to join is waiting for a lead's decision.");
            alan.screenshot("community-request-pending");

            lead.signIn("/lead/communities/" + id, "barbara").awaitText("Requests to join");
            Locator request = lead.until(page -> page.locator("#requests li").count() > 0 ? page.locator("#requests li").first() : null);
            assertTrue(request.innerText().contains("Alan Turing"), "the lead sees who asks: " + request.innerText());
            lead.screenshot("lead-requests");

            lead.click("Decline").awaitText("Say why, so that the person knows");
            Locator reason = lead.field("Reason for declining");
            assertEquals("true", reason.getAttribute("aria-invalid"), "the message is at the reason field");
            assertTrue(lead.pageText().contains("Alan Turing"), "the request still waits");
            lead.type("Reason for declining", "We are full until the spring").click("Decline").awaitText("No requests waiting.");

            alan.go("/communities/" + id).awaitText("Your request to join was declined");
            assertEquals("We are full until the spring", alan.byId("declined-reason").innerText());
            alan.screenshot("community-request-declined");
            alan.click("Request to join").awaitText("Your request to join is waiting for a lead's decision.");

            lead.go("/lead/communities/" + id).awaitText("Alan Turing");
            lead.click("Approve").awaitText("No requests waiting.");
            lead.awaitText("2 members");
            assertTrue(lead.byId("people").innerText().contains("Alan Turing"), "alan is in the members table");
            lead.screenshot("lead-request-approved");

            alan.go("/communities/" + id).awaitText("You are a member.");
            assertTrue(alan.page().locator("#leave").count() == 1, "a member may leave");
            alan.screenshot("community-member");
        }
    }
}
