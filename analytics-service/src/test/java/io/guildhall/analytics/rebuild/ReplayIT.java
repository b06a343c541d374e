package io.guildhall.analytics.rebuild;

import io.guildhall.analytics.AnalyticsStack;
import io.guildhall.analytics.HttpCalls;
import io.guildhall.analytics.messaging.GuildhallTopics;
import io.guildhall.analytics.messaging.BatchConsumer;
import io.guildhall.analytics.messaging.ReadModelRows;
import io.guildhall.contracts.Topics;
import io.guildhall.devstack.KafkaBroker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replaying every topic yields the read model the live consumer built, row for row, and the same reports: once
 * through the rebuild endpoint, once by a fresh consumer group into an empty database. On a Kafka broker of its own,
 * so the topics hold exactly this test's stream and the rebuild empties no other test's data.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT implements TestPropertyProvider {

    private static final String LIVE = "analytics_replay_live";
    private static final String FRESH = "analytics_replay_fresh";
    /** Past and fixed: the stream's events happen from 2 to 10 March 2026. */
    private static final String PERIOD = "month:2026-03";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MeterRegistry meters;

    private KafkaBroker broker;

    @Override
    public Map<String, String> getProperties() {
        if (broker == null) {
            broker = AnalyticsStack.stack().startPrivateKafka();
            createTopics(broker.bootstrapServers());
        }
        return properties(LIVE, "analytics-replay-live");
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void a_rebuild_and_a_fresh_consumer_both_reproduce_the_live_read_model() throws Exception {
        List<String> eventIds;
        ReplayStream stream;
        try (GuildhallTopics topics = new GuildhallTopics(broker.bootstrapServers())) {
            stream = new ReplayStream(topics, AnalyticsStack.stack().personId("ada"));
            eventIds = stream.publish();
        }
        ReadModelRows live = new ReadModelRows(LIVE);
        awaitProcessed(live, eventIds);
        List<List<List<String>>> built = dump(live);
        assertTrue(built.get(ShadowRebuild.READ_MODEL_TABLES.indexOf("participation")).size() >= 10, built.toString());
        Map<String, Object> reported = reports(server, stream);
        // Ada (the stream's first person): training 120 + mentoring 60 corrected to 75 + meetup 90 minutes in March.
        assertEquals(285, ((Number) ((Map<?, ?>) reported.get("me")).get("participationMinutes")).intValue(),
                reported.toString());
        Map<?, ?> everyone = (Map<?, ?>) ((Map<?, ?>) reported.get("oversight by department")).get("total");
        assertEquals(false, everyone.get("suppressed"), "6 people: the oversight's total is shown");
        assertTrue(((Number) everyone.get("participationMinutes")).intValue() >= 285, everyone.toString());

        String dennis = AnalyticsStack.stack().accessToken("dennis");
        // A second instance on the same database and consumer group: the rebuild runs on the first, and the switch
        // holds back the second's batches too (the apply lock).
        try (ApplicationContext second = ApplicationContext.run(new HashMap<>(instance(LIVE, "analytics-replay-live")))) {
            double rebuiltBefore = rebuilt();
            HttpResponse<String> accepted = post(dennis);
            assertEquals(202, accepted.statusCode(), accepted.body());
            RebuildStarted started = json.readValue(accepted.body(), RebuildStarted.class);
            assertEquals(List.of(Topics.COMMUNITY, Topics.CONTRIBUTION, Topics.EVENT, Topics.MEMBERSHIP, Topics.PERSON),
                    started.topics());
            // Until the switch the reports read the previous read model, whole; after it, the rebuilt one, whole.
            Map<String, Object> progress;
            int readings = 0;
            do {
                assertEquals(reported, reports(server, stream), "the reports while the rebuild runs (reading " + readings + ")");
                readings++;
                progress = progress(dennis, 200);
            } while (Set.of("BUILDING", "SWITCHING").contains(progress.get("state")));
            assertEquals("DONE", progress.get("state"), progress.toString());
            assertEquals(started.id().toString(), progress.get("id"));
            assertEquals(0, ((Number) progress.get("lag")).intValue(), progress.toString());
            assertTrue(((Number) progress.get("eventsApplied")).intValue() >= eventIds.size(), progress.toString());
            assertTrue(readings >= 2, "the reports were read while the rebuild ran");
            assertEquals(progress, progress(AnalyticsStack.stack().accessToken("dennis"), 200, second),
                    "the other instance shows the same progress");
            awaitProcessed(live, eventIds);
            assertEquals(built, ReadModelRows.await(() -> dump(live), built), "the rebuilt read model");
            assertEquals(reported, reports(server, stream), "the reports after the rebuild");
            assertEquals(eventIds.size(), rebuilt() - rebuiltBefore, "every event applied again into the shadow");
        }

        // One at a time: while another instance holds the rebuild lock, a second rebuild is refused.
        try (Connection other = DriverManager.getConnection(AnalyticsStack.stack().jdbcUrl(LIVE),
                AnalyticsStack.stack().dbUsername(), AnalyticsStack.stack().dbPassword());
             Statement lock = other.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + ShadowRebuild.REBUILD_LOCK + ")");
            assertProblem(post(dennis), 409);
            // Released here, not by closing: the server lets a session lock go only once its backend has exited,
            // which can be after the next request.
            lock.execute("SELECT pg_advisory_unlock(" + ShadowRebuild.REBUILD_LOCK + ")");
        }

        // A cancelled rebuild leaves the read model as it was and no shadow behind.
        assertEquals(202, post(dennis).statusCode());
        assertEquals(202, call("DELETE", dennis).statusCode(), "cancel while it builds");
        Map<String, Object> cancelled;
        do {
            cancelled = progress(dennis, 200);
        } while (Set.of("BUILDING", "SWITCHING").contains(cancelled.get("state")));
        assertEquals("CANCELLED", cancelled.get("state"), cancelled.toString());
        assertEquals(built, dump(live), "the read model as it was");
        assertEquals(List.of(), live.query("SELECT nspname FROM pg_namespace WHERE nspname = ?", ShadowRebuild.SHADOW));
        assertProblem(call("DELETE", dennis), 404);

        AnalyticsStack.stack().freshDatabase(FRESH);
        Map<String, Object> fresh = new HashMap<>(properties(FRESH, "analytics-replay-fresh-" + UUID.randomUUID()));
        try (ApplicationContext replay = ApplicationContext.run(fresh)) {
            ReadModelRows replayed = new ReadModelRows(FRESH);
            awaitProcessed(replayed, eventIds);
            assertEquals(built, ReadModelRows.await(() -> dump(replayed), built), "the replayed read model");
            EmbeddedServer replayServer = replay.getBean(EmbeddedServer.class).start();
            assertEquals(reported, reports(replayServer, stream), "the reports of the fresh consumer group");
        }
    }

    @Test
    void only_an_administrator_may_rebuild() throws IOException, InterruptedException {
        assertProblem(post(null), 401);
        assertProblem(post(AnalyticsStack.stack().accessToken("katherine")), 403);
    }

    /**
     * The me report (ada's), both communities' reports and the oversight in every grouping (and its CSV), as JSON,
     * with real tokens. A past month: nothing in them depends on the day they are asked (countedUntil is the
     * month's last day), so no field is left out of the comparison.
     */
    private Map<String, Object> reports(EmbeddedServer service, ReplayStream stream) {
        HttpCalls http = new HttpCalls(URI.create(service.getURL() + "/"), json);
        String ada = AnalyticsStack.stack().accessToken("ada");
        String katherine = AnalyticsStack.stack().accessToken("katherine");
        Map<String, Object> reports = new LinkedHashMap<>();
        reports.put("me", ok(http, "api/analytics/me?period=" + PERIOD, ada));
        reports.put("guild", ok(http, "api/analytics/communities/" + stream.guild + "?period=" + PERIOD, katherine));
        reports.put("club", ok(http, "api/analytics/communities/" + stream.club + "?period=" + PERIOD, katherine));
        for (String groupBy : List.of("department", "level", "location", "community")) {
            reports.put("oversight by " + groupBy,
                    ok(http, "api/analytics/oversight?groupBy=" + groupBy + "&period=" + PERIOD, katherine));
        }
        HttpResponse<String> csv = http.get("api/analytics/oversight.csv?groupBy=department&period=" + PERIOD,
                katherine, "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        reports.put("oversight.csv by department", csv.body());
        return reports;
    }

    private static Map<String, Object> ok(HttpCalls http, String path, String token) {
        HttpResponse<String> response = http.get(path, token);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return http.object(response);
    }

    private HttpResponse<String> post(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/analytics/admin/rebuild"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    /** Events the rebuilds of this instance applied into their shadow. */
    private double rebuilt() {
        return meters.find(BatchConsumer.RECORDS_METRIC).tag("outcome", "applied")
                .tag("consumer", BatchConsumer.CONSUMER + "-rebuild").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private Map<String, Object> progress(String token, int status) throws IOException, InterruptedException {
        return progress(token, status, null);
    }

    /** GET /api/analytics/admin/rebuild on this instance, or on {@code other}. */
    private Map<String, Object> progress(String token, int status, ApplicationContext other)
            throws IOException, InterruptedException {
        URI base = other == null ? URI.create(server.getURL() + "/")
                : URI.create(other.getBean(EmbeddedServer.class).start().getURL() + "/");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.resolve("api/analytics/admin/rebuild")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        Thread.sleep(100);
        return json.readValue(response.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
    }

    private HttpResponse<String> call(String method, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL()
                        + "/api/analytics/admin/rebuild")).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Every read-model table, every row (as_of and versions included) as text, sorted; not {@code written_by}, the
     * transaction that wrote the row, which a replay writes in transactions of its own.
     */
    private static List<List<List<String>>> dump(ReadModelRows database) {
        List<List<List<String>>> tables = new ArrayList<>();
        for (String table : ShadowRebuild.READ_MODEL_TABLES) {
            tables.add(database.query("SELECT (to_jsonb(t) - 'written_by')::text FROM " + table + " t ORDER BY 1"));
        }
        return tables;
    }

    private static void awaitProcessed(ReadModelRows database, List<String> eventIds) {
        ReadModelRows.await(() -> database.query(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ANY (?)",
                BatchConsumer.CONSUMER, eventIds.toArray(String[]::new)).get(0).get(0),
                String.valueOf(eventIds.size()));
    }

    private Map<String, String> properties(String database, String group) {
        AnalyticsStack.stack().freshDatabase(database);
        return instance(database, group);
    }

    /** An instance of the service on {@code database} (as it is) in consumer group {@code group}. */
    private Map<String, String> instance(String database, String group) {
        Map<String, String> properties = new HashMap<>(AnalyticsStack.properties());
        // The first progress report (and so the earliest switch) comes after 2 s: time for a cancel to arrive first.
        properties.put("guildhall.kafka.rebuild-progress-every", "2s");
        properties.put("datasources.default.url", AnalyticsStack.stack().jdbcUrl(database));
        properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
        properties.put("guildhall.kafka.consumer-group", group);
        return properties;
    }

    /** Two partitions each, so the replay interleaves keys differently from the live run. */
    private static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of(Topics.COMMUNITY, Topics.EVENT, Topics.PERSON, Topics.MEMBERSHIP,
                    Topics.CONTRIBUTION)) {
                topics.add(new NewTopic(topic, 2, (short) 1));
                topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the topics", e);
        }
    }
}
