package io.guildhall.gateway.portal;

import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.PortalBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages drawn from analytics-service, against the real service (started from its jar): my participation
 * gauge and charts on /me and on the home page, and the executives' oversight, where groups under the privacy
 * threshold read "suppressed" and are gaps in the chart, never zeros. The test data hold few people per
 * department, so departments are under the threshold of 5. The portal tests' membership-service publishes
 * the directory (its sync on start) so that analytics knows the people even on a fresh stack; this class does
 * not route the gateway to it, so the pages show the contribution log unavailable.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // includes waiting for analytics-service to catch up on every topic
class PortalAnalyticsIT extends SignedInPortal {

    static final PortalBackends backends = PortalBackends.routing(stack, ServiceSpec.ANALYTICS);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @Test
    void my_page_draws_the_gauge_and_the_charts_against_the_target_and_my_contribution_log_is_unavailable() {
        HttpResponse<String> me = as("ada", GATEWAY + "/me?period=rolling13");

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).doesNotContain("id=\"participation-unavailable\"")
                .contains("id=\"my-share\"").contains("&quot;kind&quot;:&quot;gauge&quot;")
                .contains("id=\"by-week\"").contains("id=\"by-category\"").contains("&quot;target&quot;:17.0")
                .contains("id=\"my-standing\"").contains("id=\"to-target\"").doesNotContainPattern("<td>\\d{4}-W\\d{2}</td>")
                .contains("id=\"network-reach\"").contains("id=\"give-take\"")
                .contains("<strong>Your contribution log</strong> cannot be shown right now");
    }

    @Test
    void the_executive_sees_suppressed_groups_as_suppressed_never_as_zero() {
        as("katherine", GATEWAY + "/");
        PortalBrowser katherine = browser;
        // analytics-service reads every topic from its start first: wait until the people are in its read model.
        String page = Await.eventually(() -> katherine.open(GATEWAY + "/executive?groupBy=department").body(),
                body -> body.contains("<tr class=\"suppressed\">"));

        assertThat(page).doesNotContain("id=\"oversight-unavailable\"")
                .contains("id=\"oversight-headline\"").contains("id=\"suppression-note\"")
                .contains("hidden to protect a small group")
                .contains("id=\"oversight-groups\"").contains("id=\"oversight-communities\"")
                .contains("href=\"/api/analytics/oversight.csv?groupBy=department&amp;period=quarter\"")
                .contains("<span class=\"status status--suppressed\">suppressed</span>")
                .contains(" (suppressed)&quot;");
        // A suppressed department shows no figure in its row, not even 0 (the "Everyone" total in the footer may
        // count enough people to be shown).
        String table = page.substring(page.indexOf("id=\"oversight-groups\""));
        String groups = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
        assertThat(groups).contains("<tr class=\"suppressed\">");
        for (String row : groups.split("<tr")) {
            if (row.startsWith(" class=\"suppressed\"")) {
                assertThat(row).contains("suppressed</span>").doesNotContain("<td class=\"number\">");
            }
        }
    }

    @Test
    void an_admin_sees_the_anomalies_and_an_employee_is_refused_the_page() {
        HttpResponse<String> admin = as("dennis", GATEWAY + "/admin/anomalies?period=quarter");

        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body()).doesNotContain("id=\"anomalies-unavailable\"").contains("id=\"anomalies-form\"")
                .contains("id=\"h-anomalous-events\"").contains("id=\"h-anomalous-people\"")
                .contains("href=\"/admin/anomalies\"");

        as("ada", GATEWAY + "/");
        HttpResponse<String> employee = browser.open(GATEWAY + "/admin/anomalies");
        assertThat(employee.statusCode()).isEqualTo(403);
        assertThat(employee.body()).doesNotContain("id=\"anomalies-form\"");
    }
}
