package io.guildhall.analytics.config;

import io.guildhall.analytics.AnalyticsStack;
import io.guildhall.analytics.HttpCalls;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may call what (with real Keycloak tokens), what errors look like, and the operational endpoints. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBoundaryIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private HttpCalls http;

    @Override
    public Map<String, String> getProperties() {
        return AnalyticsStack.properties();
    }

    @BeforeAll
    void connect() {
        http = new HttpCalls(URI.create(server.getURL().toString() + "/"), json);
    }

    @Test
    void a_request_without_a_token_gets401_as_problem_details() {
        HttpResponse<String> response = http.get("api/analytics/communities", null);

        assertProblem(response, 401, "Unauthorized");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void a_token_with_a_broken_signature_gets401() {
        String token = AnalyticsStack.stack().accessToken("ada");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertProblem(http.get("api/analytics/communities", tampered), 401, "Unauthorized");
    }

    @Test
    void an_employee_without_the_admin_role_gets403_on_operator_endpoints() {
        HttpResponse<String> response = http.get("loggers", AnalyticsStack.stack().accessToken("grace"));

        assertProblem(response, 403, "Forbidden");
    }

    @Test
    void an_unknown_community_is404_as_problem_details() {
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> response = http.get("api/analytics/communities/" + unknown,
                AnalyticsStack.stack().accessToken("katherine"));

        Map<String, Object> problem = assertProblem(response, 404, "Not Found");
        assertTrue(((String) problem.get("detail")).contains(unknown.toString()), problem.toString());
    }

    @Test
    void a_malformed_id_is400_naming_the_parameter() {
        HttpResponse<String> response = http.get("api/analytics/communities/not-a-uuid",
                AnalyticsStack.stack().accessToken("ada"));

        Map<String, Object> problem = assertProblem(response, 400, "Bad Request");
        assertTrue(((String) problem.get("detail")).contains("[id]"), problem.toString());
    }

    @Test
    void operational_endpoints_beyond_health_metrics_and_loggers_are_off() {
        String token = AnalyticsStack.stack().accessToken("katherine");

        assertEquals(404, http.get("beans", token).statusCode());
        assertEquals(404, http.get("routes", token).statusCode());
    }

    @Test
    void an_executive_may_list_communities() {
        HttpResponse<String> response = http.get("api/analytics/communities",
                AnalyticsStack.stack().accessToken("katherine"));

        assertEquals(200, response.statusCode(), response.body());
        http.array(response);
    }

    @Test
    void health_is_public_and_up_with_database_and_kafka_checked() {
        HttpResponse<String> anonymous = http.get("health", null);
        assertEquals(200, anonymous.statusCode(), anonymous.body());
        assertEquals("UP", http.object(anonymous).get("status"));
        assertEquals(200, http.get("health", "not-a-token").statusCode(), "a bad token does not lock out health");

        Map<String, Object> detailed = http.object(http.get("health", AnalyticsStack.stack().accessToken("ada")));
        Map<?, ?> details = (Map<?, ?>) detailed.get("details");
        assertEquals("UP", ((Map<?, ?>) details.get("jdbc")).get("status"), detailed.toString());
        assertEquals("UP", ((Map<?, ?>) details.get("kafka")).get("status"), detailed.toString());
    }

    @Test
    void metrics_and_the_api_description_are_public() {
        HttpResponse<String> metrics = http.get("prometheus", null, "text/plain");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("hikaricp_connections"), "datasource metrics are exported");

        HttpResponse<String> openApi = http.get("swagger/analytics-service.yml", null, "*/*");
        assertEquals(200, openApi.statusCode());
        assertTrue(openApi.body().contains("/api/analytics/communities/{id}"), openApi.body());
        assertFalse(openApi.body().contains("/api/analytics/communities/{id}/report"), "the report moved to /{id}");
    }

    private Map<String, Object> assertProblem(HttpResponse<String> response, int status, String title) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(HttpCalls.contentType(response).startsWith("application/problem+json"),
                HttpCalls.contentType(response));
        Map<String, Object> problem = http.object(response);
        assertEquals("about:blank", problem.get("type"));
        assertEquals(title, problem.get("title"));
        assertEquals(status, ((Number) problem.get("status")).intValue());
        assertNotEquals("", problem.getOrDefault("detail", ""), "a detail says what to do");
        return problem;
    }
}
