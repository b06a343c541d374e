package io.guildhall.analytics.summary;

import io.guildhall.analytics.HttpCalls;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.report.ReportStack;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * ParticipationSummarised from the read model to Kafka, read back by a plain consumer as another system would. In a
 * fixed past week (1990-W10): department A (6 people, 3 of them 2 h in a training), C (5 people), B (1 person).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipationSummaryIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    SummaryPublisher publisher;
    @Inject
    JsonMapper json;
    @Inject
    EmbeddedServer server;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Period week;

    @Override
    public Map<String, String> getProperties() {
        return ReportStack.properties();
    }

    @BeforeAll
    void publishPeople() {
        // Before anyone else is at work (demo people from their start dates, the earliest in 2016): in a week
        // where another small department worked, C would not need suppressing.
        // 1990-W10, before ReportsApiIT's week (1995-W10), whose ada stays at work from then on.
        LocalDate monday = LocalDate.of(1990, 3, 5);
        week = Period.week(monday);
        try (SummaryFeed feed = new SummaryFeed(ReportStack.stack().kafkaBootstrapServers())) {
            UUID community = UUID.randomUUID();
            for (int i = 1; i <= 6; i++) {
                feed.person("summary-" + run + "-a" + i, "A-" + run, monday);
            }
            for (int i = 1; i <= 5; i++) {
                feed.person("summary-" + run + "-c" + i, "C-" + run, monday);
            }
            feed.person("summary-" + run + "-b", "B-" + run, monday);
            for (int i = 1; i <= 3; i++) {
                feed.contribution("summary-" + run + "-a" + i, community, monday.plusDays(1), 120);
            }
        }
        awaitVisible();
    }

    @Test
    void a_week_is_published_per_department_without_small_ones_and_republished_under_the_same_ids() {
        String isoWeek = Period.isoWeekLabel(week.start());
        List<Published> first = publisher.publish(week, LocalDate.now(), Clock.systemUTC());
        List<Published> again = publisher.publish(week, LocalDate.now(), Clock.systemUTC());

        Published a = first.stream().filter(p -> p.department().equals("A-" + run)).findFirst().orElseThrow();
        assertEquals(SummaryPublisher.eventId("A-" + run, isoWeek), a.eventId());
        assertTrue(first.stream().noneMatch(p -> p.department().equals("B-" + run)), "B has one person");
        assertTrue(first.stream().noneMatch(p -> p.department().equals("C-" + run)),
                "C would reveal B by subtraction: " + first);
        assertEquals(first, again, "a re-run sends the same ids");

        List<ConsumerRecord<String, byte[]>> records = consume("A-" + run, 2);
        for (ConsumerRecord<String, byte[]> record : records) {
            Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
            record.headers().forEach(header -> headers.put(header.key(), header.value()));
            CloudEventHeaders read = SchemaValidator.shared().requireValidEvent(headers, record.value());
            assertEquals(a.eventId(), read.id());
            assertEquals(EventCatalog.PARTICIPATION_SUMMARISED.type(), read.type());
            assertEquals("A-" + run, read.subject());
        }
        Map<String, Object> data = data(records.get(0));
        // 6 people x 2400 minutes; 3 x 120 minutes: share 360 / 14400 = 0.025; shares 0,0,0,0.05,0.05,0.05.
        assertEquals(isoWeek, data.get("isoWeek"));
        assertEquals(week.start().toString(), data.get("weekStart"));
        assertEquals(6, ((Number) data.get("peopleCounted")).intValue());
        assertEquals(14400, ((Number) data.get("workMinutes")).intValue());
        assertEquals(360, ((Number) data.get("participationMinutes")).intValue());
        assertEquals(0.025, ((Number) data.get("share")).doubleValue(), 1e-9);
        assertEquals(0.025, ((Number) data.get("medianShare")).doubleValue(), 1e-9);
        assertEquals(0.0, ((Number) data.get("shareOfPeopleAtOrAboveTarget")).doubleValue(), 1e-9);
        assertEquals(5, ((Number) data.get("privacyThreshold")).intValue());
    }

    @Test
    void the_admin_endpoint_is_for_administrators_only() throws Exception {
        HttpResponse<String> executive = post("api/analytics/admin/participation-summaries?week="
                + Period.isoWeekLabel(week.start()), ReportStack.stack().accessToken("katherine"));
        assertEquals(403, executive.statusCode(), executive.body());
        assertEquals(401, post("api/analytics/admin/participation-summaries?week=2020-W01", null).statusCode());
    }

    @Test
    void an_administrator_publishes_an_ended_week_again_under_the_same_ids() throws Exception {
        String isoWeek = Period.isoWeekLabel(week.start());

        HttpResponse<String> response = post("api/analytics/admin/participation-summaries?week=" + isoWeek,
                ReportStack.stack().accessToken("dennis"));

        assertEquals(200, response.statusCode(), response.body());
        List<Published> sent = json.readValue(response.body(), Argument.listOf(Published.class));
        assertEquals(List.of(new Published("A-" + run, isoWeek, SummaryPublisher.eventId("A-" + run, isoWeek), 6)),
                sent.stream().filter(p -> p.department().endsWith("-" + run)).toList(),
                "A only: B has one person and C would reveal B by subtraction");
    }

    @Test
    void only_a_whole_week_that_has_ended_can_be_published() throws Exception {
        String admin = ReportStack.stack().accessToken("dennis");
        String thisWeek = Period.isoWeekLabel(LocalDate.now(java.time.ZoneId.of("Europe/Berlin")));

        assertProblem(post("api/analytics/admin/participation-summaries?week=" + thisWeek, admin), "has not ended");
        assertProblem(post("api/analytics/admin/participation-summaries?week=2020-53", admin), "Parameter week");
    }

    private void assertProblem(HttpResponse<String> response, String detailMentions) throws IOException {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        Map<String, Object> problem = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        assertTrue(String.valueOf(problem.get("detail")).contains(detailMentions), problem.toString());
    }

    private HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/" + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitVisible() {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            boolean ready = publisherSees();
            if (ready) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("the consumers did not build department A-" + run + " in time");
    }

    private boolean publisherSees() {
        HttpResponse<String> response = new HttpCalls(URI.create(server.getURL() + "/"), json).get(
                "api/analytics/oversight?groupBy=department&period=" + week.label(),
                ReportStack.stack().accessToken("katherine"));
        return response.statusCode() == 200 && response.body().contains("\"participationMinutes\":360")
                && response.body().contains("\"C-" + run + "\"") && response.body().contains("\"B-" + run + "\"");
    }

    private List<ConsumerRecord<String, byte[]>> consume(String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ReportStack.stack().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "participation-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PARTICIPATION));
            Instant deadline = Instant.now().plus(WAIT);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        // The admin endpoint's test may have published the week once more, under the same id.
        assertTrue(found.size() >= expected, "summaries keyed " + key + ": " + found.size());
        return found;
    }

    private Map<String, Object> data(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readValue(new String(record.value(), StandardCharsets.UTF_8),
                    Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
