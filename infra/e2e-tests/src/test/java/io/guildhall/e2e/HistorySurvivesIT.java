package io.guildhall.e2e;

import io.guildhall.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history is the topics', not the services' outboxes: once every service's outbox has forgotten what it sent (as
 * its retention does after 7 days), a rebuild of analytics from the topics still gives the same figures, because the
 * domain topics keep their records for ever.
 */
@ExtendWith(PlatformExtension.class)
class HistorySurvivesIT {

    private static final List<String> DOMAIN_TOPICS = List.of(Topics.COMMUNITY, Topics.EVENT, Topics.MEMBERSHIP,
            Topics.PERSON, Topics.CONTRIBUTION);

    @Test
    void a_rebuild_after_the_outboxes_forgot_everything_gives_the_same_figures(Platform platform) throws Exception {
        // Some history of our own: a community, an event that took place, an attendance and a contribution.
        String grace = platform.stack().accessToken("grace");
        String ada = platform.stack().accessToken("ada");
        String community = Api.foundCommunity(platform, grace, "{\"name\":\"Archivists " + Instant.now().toEpochMilli()
                + "\",\"description\":\"Records that last\",\"practiceArea\":\"records\"}");
        Api.eventually(platform, "POST", "/api/communities/" + community + "/members", ada, 201);
        String event = Api.createEvent(platform, grace, "Archive walk", Instant.now().plus(10, ChronoUnit.MINUTES), 10);
        Api.rsvp(platform, ada, event);

        String dennis = platform.stack().accessToken("dennis");
        String katherine = platform.stack().accessToken("katherine");
        // Once analytics has applied all of it: the same figures twice in a row, a second apart.
        Map<String, String> before = reports(platform, ada, katherine, community);
        Instant settle = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(settle)) {
            Thread.sleep(1000);
            Map<String, String> again = reports(platform, ada, katherine, community);
            if (again.equals(before)) {
                break;
            }
            before = again;
        }

        // Every domain topic keeps its records for ever (the provisioner's declaration, verified on the broker).
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.stack().kafkaBootstrapServers()))) {
            List<ConfigResource> resources = DOMAIN_TOPICS.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            for (ConfigResource resource : resources) {
                assertEquals("-1", configs.get(resource).get("retention.ms").value(),
                        resource.name() + " keeps its history");
            }
        }

        // The outboxes forget what they sent, as their retention does.
        int forgotten = 0;
        for (String database : List.of("e2e_community", "e2e_event", "e2e_membership")) {
            try (Connection connection = DriverManager.getConnection(platform.stack().jdbcUrl(database),
                    platform.stack().dbUsername(), platform.stack().dbPassword());
                 Statement statement = connection.createStatement()) {
                forgotten += statement.executeUpdate("DELETE FROM guildhall_outbox WHERE sent_at IS NOT NULL");
            }
        }
        assertTrue(forgotten > 0, "the outboxes had sent something");

        HttpResponse<String> started = Api.call(platform, "POST", "/api/analytics/admin/rebuild", dennis, null);
        assertEquals(202, started.statusCode(), started.body());
        String state;
        Instant deadline = Instant.now().plusSeconds(120);
        do {
            Thread.sleep(500);
            HttpResponse<String> progress = Api.call(platform, "GET", "/api/analytics/admin/rebuild", dennis, null);
            assertEquals(200, progress.statusCode(), progress.body());
            state = Api.field(progress.body(), "state");
            // The figures never change while it runs: the reports read the current read model until the switch.
            assertEquals(before, reports(platform, ada, katherine, community), "the figures while it rebuilds");
        } while (!state.equals("DONE") && !state.equals("FAILED") && Instant.now().isBefore(deadline));
        assertEquals("DONE", state);
        assertEquals(before, reports(platform, ada, katherine, community), "the figures after the rebuild");
    }

    /** ada's own figures, the community's report and the organisation's oversight, as the API gives them. */
    private static Map<String, String> reports(Platform platform, String ada, String katherine, String community) {
        Map<String, String> reports = new LinkedHashMap<>();
        String me = "/api/analytics/me?period=rolling13";
        reports.put(me, ok(Api.call(platform, "GET", me, ada, null)));
        for (String path : List.of("/api/analytics/communities/" + community + "?period=rolling13",
                "/api/analytics/oversight?groupBy=department&period=rolling13")) {
            reports.put(path, ok(Api.call(platform, "GET", path, katherine, null)));
        }
        return reports;
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
