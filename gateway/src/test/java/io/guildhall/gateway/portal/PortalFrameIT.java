package io.guildhall.gateway.portal;

import io.guildhall.testsupport.PortalBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's frame for a signed-in person, with every service down: the layout (skip link, navigation by
 * role, sign-out form with its CSRF field), the sections' unavailable states instead of an error, the 404 and
 * 403 pages, the assets served from WebJars under the unchanged CSP, and htmx calls without a session sent
 * back to sign-in. Real Keycloak sign-in over HTTP.
 */
class PortalFrameIT extends SignedInPortal {

    static final PortalBackends backends = PortalBackends.none(stack);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    // One sign-in per person for the class: Keycloak is shared by every test run on this machine.
    PortalBrowser ada;
    PortalBrowser katherine;

    @BeforeAll
    void sign_in() {
        as("ada", GATEWAY + "/");
        ada = browser;
        as("katherine", GATEWAY + "/");
        katherine = browser;
    }

    @Test
    void home_renders_in_the_layout_and_each_section_says_its_service_is_unavailable() {
        HttpResponse<String> home = ada.open(GATEWAY + "/");

        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        assertThat(home.uri().toString()).isEqualTo(GATEWAY + "/");
        assertThat(home.body())
                .contains("<a class=\"skip-link\" href=\"#main\">")
                .contains("<main id=\"main\" tabindex=\"-1\">")
                .contains("Welcome, ")
                .contains("href=\"/communities\"").contains("href=\"/me\"")
                .doesNotContain("href=\"/executive\"")
                .contains("Your events</strong> cannot be shown right now")
                .contains("id=\"participation-unavailable\"")
                .contains("/webjars/htmx.org/dist/htmx.min.js").contains("/portal/portal.css")
                .doesNotContain("<script>").doesNotContain("style=\"");
        assertThat(home.body()).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElse(""))
                .startsWith("default-src 'self';").doesNotContain("unsafe-inline");
    }

    @Test
    void an_executive_sees_the_oversight_link_and_an_employee_is_refused_the_page() {
        assertThat(katherine.open(GATEWAY + "/").body()).contains("href=\"/executive\"");

        HttpResponse<String> refused = ada.open(GATEWAY + "/executive");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("You may not open this page").contains("skip-link");
    }

    @Test
    void a_page_whose_service_is_down_answers_the_friendly_unavailable_page_quickly() {
        long started = System.nanoTime();
        HttpResponse<String> page = ada.open(GATEWAY + "/communities");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("temporarily unavailable").contains("<strong>community</strong>");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void an_executive_opens_the_oversight_page_and_sees_its_unavailable_state_while_analytics_is_down() {
        HttpResponse<String> page = katherine.open(GATEWAY + "/executive?groupBy=location");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Oversight</h1>").contains("id=\"oversight-unavailable\"")
                .contains("<option value=\"location\" selected=\"selected\">");
    }

    @Test
    void an_unknown_portal_path_shows_the_not_found_page() {
        HttpResponse<String> missing = ada.open(GATEWAY + "/no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").contains("/no-such-page");
        // The frame stays: her navigation and her sign-out, as on every portal page.
        assertThat(missing.body()).contains("aria-label=\"Main\"").contains(">Communities</a>").contains(">Me</a>")
                .contains("Sign out").contains("Ada Lovelace");
    }

    @Test
    void htmx_and_chart_js_come_from_webjars_and_the_portal_assets_are_public() {
        for (String asset : new String[] {"/webjars/htmx.org/dist/htmx.min.js", "/webjars/chart.js/dist/chart.umd.min.js",
                "/portal/portal.js", "/portal/charts.js", "/portal/portal.css"}) {
            HttpResponse<String> response = new PortalBrowser().send(HttpRequest.newBuilder(URI.create(GATEWAY + asset)).GET());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void an_htmx_call_without_a_session_is_sent_to_sign_in_via_the_page_it_came_from() {
        HttpResponse<String> response = new PortalBrowser().send(HttpRequest.newBuilder(URI.create(GATEWAY + "/communities"))
                .header("HX-Request", "true").header("HX-Current-URL", GATEWAY + "/communities?q=jvm").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/communities?q=jvm");
    }

    @Test
    void a_page_opened_without_a_session_comes_back_after_sign_in() {
        HttpResponse<String> page = SignIn.as("ada", GATEWAY + "/no-such-page?x=1").page();

        assertThat(page.uri().toString()).isEqualTo(GATEWAY + "/no-such-page?x=1");
    }
}
