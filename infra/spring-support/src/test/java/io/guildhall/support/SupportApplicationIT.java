package io.guildhall.support;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.support.testapp.SupportTestApplication;
import io.guildhall.testsupport.GuildhallStack;
import io.guildhall.contracts.Topics;
import io.guildhall.testsupport.TopicClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The support library inside a running application, against the real PostgreSQL, Kafka and Keycloak of
 * the shared test stack, with real tokens of the demo users.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupportApplicationIT {

    static final GuildhallStack stack = GuildhallStack.shared();
    /** A private, namespaced copy of the community topic (the consumer protocol accepts {@code <namespace>.<topic>}). */
    static final String TOPIC = "support-test-" + UUID.randomUUID() + "." + Topics.COMMUNITY;
    static final String DATABASE = stack.freshDatabase("support_test");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        // A topic of the test's own, outside the declaration: the broker does not create topics on the fly.
        TopicClient.create(stack.kafkaBootstrapServers(), TOPIC, Topics.deadLetterOf(TOPIC));
        stack.serviceEnvironment(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.cloud.function.definition", () -> "testEvents");
        registry.add("spring.cloud.stream.bindings.testEvents-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.testEvents-in-0.group", () -> "support-test");
        registry.add("spring.cloud.stream.kafka.bindings.testEvents-in-0.consumer.start-offset", () -> "earliest");
    }

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    io.guildhall.support.messaging.ProcessedEventPruner pruner;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** {@code guildhall_consumer_records_total} of the test consumer on the test topic, for one outcome. */
    double records(String outcome) {
        io.micrometer.core.instrument.Counter counter = meters.find("guildhall.consumer.records")
                .tags("consumer", "support-test", "topic", TOPIC, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    // --- IdempotentConsumer ---

    @Test
    void a_redelivered_event_is_applied_once() {
        CommunityFounded event = founded();
        Map<String, byte[]> headers = headers(event, UUID.randomUUID().toString());

        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, event.aggregateId(), json(event), headers);
        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, event.aggregateId(), json(event), headers);
        // Same aggregate, so same key and partition: once the marker (another event of it) is applied, both copies
        // have been consumed.
        CommunityFounded marker = foundedFor(event.communityId());
        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, event.aggregateId(), json(marker),
                headers(marker, UUID.randomUUID().toString()));

        await("the marker behind both copies is applied").atMost(Duration.ofSeconds(60)).until(() -> applied(event.communityId()) == 2);
        assertThat(processed(headers)).as("the event once, the marker once").isEqualTo(1);
    }

    @Test
    void a_malformed_message_is_dead_lettered_with_its_reason_and_consumption_goes_on() {
        double deadBefore = records("dead_lettered");
        CommunityFounded bad = founded();
        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, bad.aggregateId(),
                "{not json".getBytes(StandardCharsets.UTF_8), headers(bad, UUID.randomUUID().toString()));
        CommunityFounded invalid = founded();
        String invalidId = UUID.randomUUID().toString();
        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, invalid.aggregateId(),
                "{\"communityId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8), headers(invalid, invalidId));
        CommunityFounded good = founded();
        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, good.aggregateId(), json(good),
                headers(good, UUID.randomUUID().toString()));

        ConsumerRecord<String, byte[]> dead = TopicClient.find(stack.kafkaBootstrapServers(), TOPIC + ".dlt",
                r -> bad.aggregateId().equals(r.key()), Duration.ofSeconds(60)).orElseThrow();
        assertThat(TopicClient.header(dead, CloudEventHeaders.DEAD_LETTER_CONSUMER)).isEqualTo("support-test");
        assertThat(TopicClient.header(dead, CloudEventHeaders.DEAD_LETTER_REASON)).isNotBlank();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");

        ConsumerRecord<String, byte[]> violating = TopicClient.find(stack.kafkaBootstrapServers(), TOPIC + ".dlt",
                r -> invalid.aggregateId().equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        assertThat(TopicClient.header(violating, CloudEventHeaders.DEAD_LETTER_REASON))
                .contains(EventCatalog.COMMUNITY_FOUNDED.type() + " is invalid").contains("communityId");
        assertThat(TopicClient.header(violating, CloudEventHeaders.ID)).isEqualTo(invalidId);

        await("the valid event after them is applied").atMost(Duration.ofSeconds(30)).until(() -> applied(good.communityId()) == 1);
        assertThat(records("dead_lettered") - deadBefore).as("each dead letter counts, for the alert").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_transient_failure_is_waited_out_past_the_binders_attempts_and_never_dead_lettered() {
        double failedBefore = records("failed");
        CommunityFounded flaky = named("transient-5");
        String id = UUID.randomUUID().toString();
        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, flaky.aggregateId(), json(flaky), headers(flaky, id));

        await("the event is applied after five transient failures").atMost(Duration.ofSeconds(60)).until(() -> applied(flaky.communityId()) == 1);
        assertThat(SupportTestApplication.FAILURES.get(id).get()).isEqualTo(6);
        assertThat(records("failed") - failedBefore).as("each transient try counts as failed").isGreaterThanOrEqualTo(5);
        assertThat(TopicClient.find(stack.kafkaBootstrapServers(), TOPIC + ".dlt", r -> flaky.aggregateId().equals(r.key()),
                Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void a_valid_event_whose_handler_keeps_failing_is_dead_lettered_after_bounded_tries_and_the_partition_goes_on() {
        double deadBefore = records("dead_lettered");
        CommunityFounded broken = named("broken");
        String id = UUID.randomUUID().toString();
        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, broken.aggregateId(), json(broken), headers(broken, id));
        CommunityFounded after = foundedFor(broken.communityId());
        TopicClient.send(stack.kafkaBootstrapServers(), TOPIC, broken.aggregateId(), json(after),
                headers(after, UUID.randomUUID().toString()));

        ConsumerRecord<String, byte[]> dead = TopicClient.find(stack.kafkaBootstrapServers(), TOPIC + ".dlt",
                r -> broken.aggregateId().equals(r.key()), Duration.ofSeconds(60)).orElseThrow();
        assertThat(TopicClient.header(dead, "x-exception-message")).contains("this handler cannot apply it");
        assertThat(TopicClient.header(dead, CloudEventHeaders.ID)).isEqualTo(id);
        assertThat(SupportTestApplication.FAILURES.get(id).get()).isEqualTo(3);
        await("the event behind it on the same key is applied").atMost(Duration.ofSeconds(30)).until(() -> applied(after.communityId()) == 1);
        assertThat(records("dead_lettered") - deadBefore).as("the binder's dead letter counts too").isGreaterThanOrEqualTo(1);
    }

    @Test
    void processed_event_rows_older_than_the_retention_are_pruned_and_newer_ones_kept() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        db.sql("INSERT INTO guildhall_processed_event (consumer, event_id, event_type, processed_at) VALUES "
                        + "('prune-test', :old, 't', now() - interval '31 days'), ('prune-test', :recent, 't', now() - interval '29 days')")
                .bind("old", old).bind("recent", recent).then().block();

        assertThat(pruner.pruneOnce().block()).isGreaterThanOrEqualTo(1L);

        assertThat(db.sql("SELECT event_id FROM guildhall_processed_event WHERE consumer = 'prune-test'")
                .map(row -> row.get("event_id", String.class)).all().collectList().block()).containsExactly(recent);
    }

    @Test
    void an_admin_lists_re_sends_or_skips_a_parked_outbox_row_and_each_action_is_recorded() {
        long resend = parkedRow("resend-" + UUID.randomUUID());
        long skip = parkedRow("skip-" + UUID.randomUUID());
        client().get().uri("/api/admin/outbox/parked").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/admin/outbox/parked").headers(h -> h.setBearerAuth(stack.accessToken("ada"))).exchange()
                .expectStatus().isForbidden();
        client().post().uri("/api/admin/outbox/parked/" + skip + "/skip").headers(h -> h.setBearerAuth(stack.accessToken("ada")))
                .exchange().expectStatus().isForbidden();
        client().get().uri("/api/admin/outbox/parked").headers(h -> h.setBearerAuth(stack.accessToken("dennis"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.seq == " + resend + ")].lastError").isEqualTo("RecordTooLargeException: test")
                .jsonPath("$[?(@.seq == " + skip + ")].topic").isEqualTo(TOPIC);

        client().post().uri("/api/admin/outbox/parked/" + skip + "/skip").headers(h -> h.setBearerAuth(stack.accessToken("dennis")))
                .exchange().expectStatus().is2xxSuccessful();
        client().post().uri("/api/admin/outbox/parked/" + resend + "/resend").headers(h -> h.setBearerAuth(stack.accessToken("dennis")))
                .exchange().expectStatus().is2xxSuccessful();
        client().post().uri("/api/admin/outbox/parked/" + skip + "/skip").headers(h -> h.setBearerAuth(stack.accessToken("dennis")))
                .exchange().expectStatus().isNotFound();

        Map<String, Object> skipped = db.sql("SELECT sent_at IS NOT NULL AS sent, handled_action, handled_by FROM guildhall_outbox WHERE seq = :s")
                .bind("s", skip).fetch().one().block();
        assertThat(skipped).containsEntry("sent", true).containsEntry("handled_action", "SKIPPED")
                .containsEntry("handled_by", stack.personId("dennis"));
        // Re-sent: the relay takes it again and, the record being fine after all, sends it.
        await("the re-sent row is sent").atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(db.sql(
                        "SELECT sent_at IS NOT NULL AS sent FROM guildhall_outbox WHERE seq = :s AND handled_action = 'RESENT'")
                .bind("s", resend).map(row -> row.get("sent", Boolean.class)).one().block()));
    }

    private long parkedRow(String key) {
        CommunityFounded event = founded();
        return db.sql("""
                        INSERT INTO guildhall_outbox (event_id, topic, message_key, ce_type, ce_source, ce_time, ce_subject,
                                                      payload, attempts, last_error, parked_at)
                        VALUES (:id, :topic, :key, 'guildhall.community.founded.v1', '/test', now(), :key, :payload, 4,
                                'RecordTooLargeException: test', now())
                        RETURNING seq""")
                .bind("id", UUID.randomUUID()).bind("topic", TOPIC).bind("key", key).bind("payload", json(event))
                .map(row -> row.get("seq", Long.class)).one().block();
    }

    private static CommunityFounded named(String name) {
        UUID id = UUID.randomUUID();
        return new CommunityFounded(id, "c-" + id, name, "About " + id, "java", "OPEN",
                UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private long applied(UUID communityId) {
        return db.sql("SELECT count(*) AS n FROM applied_event WHERE community_id = :c").bind("c", communityId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long processed(Map<String, byte[]> headers) {
        return db.sql("SELECT count(*) AS n FROM guildhall_processed_event WHERE consumer = 'support-test' AND event_id = :id")
                .bind("id", new String(headers.get(CloudEventHeaders.ID), StandardCharsets.UTF_8))
                .map(row -> row.get("n", Long.class)).one().block();
    }
    // --- Security ---

    @Test
    void a_request_without_a_token_gets_401_as_problem_details() {
        client().get().uri("/api/test/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Test
    void a_token_without_the_required_role_gets_403_as_problem_details() {
        client().get().uri("/api/test/executive").headers(h -> h.setBearerAuth(stack.accessToken("ada"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void a_token_with_the_role_is_let_through() {
        client().get().uri("/api/test/executive").headers(h -> h.setBearerAuth(stack.accessToken("katherine"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void the_caller_is_known_from_the_token() {
        client().get().uri("/api/test/me").headers(h -> h.setBearerAuth(stack.accessToken("grace"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("grace")
                .jsonPath("$.department").isEqualTo("Engineering")
                .jsonPath("$.personId").isNotEmpty()
                .jsonPath("$.roles").value(roles -> assertThat(roles.toString()).contains("community-lead"));
    }

    @Test
    void a_forged_token_gets_401() {
        String token = stack.accessToken("grace");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        client().get().uri("/api/test/me").headers(h -> h.setBearerAuth(forged)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void a_token_issued_for_another_audience_gets_401() {
        // The membership service account's token is genuine and from our realm, but not meant for the API.
        String token = tokenFrom(stack.keycloakUrl() + "/realms/guildhall", "grant_type=client_credentials"
                + "&client_id=guildhall-membership&client_secret=guildhall-membership-secret");
        client().get().uri("/api/test/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void a_token_of_another_issuer_gets_401() {
        String token = tokenFrom(stack.keycloakUrl() + "/realms/master",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin");
        client().get().uri("/api/test/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void public_paths_ignore_a_bad_token() {
        client().get().uri("/actuator/health").headers(h -> h.setBearerAuth("garbage")).exchange()
                .expectStatus().isOk();
    }
    // --- ProblemDetails ---

    @Test
    void an_invalid_body_gets_400_naming_each_field() {
        client().post().uri("/api/test/widgets").headers(h -> h.setBearerAuth(stack.accessToken("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"\",\"size\":0}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'size')]").exists();
    }

    @Test
    void malformed_json_gets_400() {
        client().post().uri("/api/test/widgets").headers(h -> h.setBearerAuth(stack.accessToken("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void a_value_of_the_wrong_type_gets_400_naming_the_field() {
        client().post().uri("/api/test/widgets").headers(h -> h.setBearerAuth(stack.accessToken("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"size\":\"big\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void a_fraction_in_a_whole_number_field_gets_400_naming_the_field_not_a_silent_round_down() {
        client().post().uri("/api/test/widgets").headers(h -> h.setBearerAuth(stack.accessToken("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"size\":1.5}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void an_oversize_body_gets_413() {
        String huge = "{\"name\":\"" + "x".repeat(400 * 1024) + "\",\"size\":1}";
        client().post().uri("/api/test/widgets").headers(h -> h.setBearerAuth(stack.accessToken("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(huge).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_unknown_resource_gets_404() {
        client().get().uri("/api/test/widgets/nope").headers(h -> h.setBearerAuth(stack.accessToken("ada"))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No widget nope");
    }

    @Test
    void a_stale_write_gets_409() {
        client().post().uri("/api/test/stale").headers(h -> h.setBearerAuth(stack.accessToken("ada"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.title").isEqualTo("Modified concurrently");
    }
    static String tokenFrom(String realmUrl, String form) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create(realmUrl + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var matcher = java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
            assertThat(matcher.find()).as("token response %s", response.body()).isTrue();
            return matcher.group(1);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static CommunityFounded founded() {
        UUID id = UUID.randomUUID();
        return new CommunityFounded(id, "c-" + id, "Community " + id, "About " + id, "java", "OPEN",
                UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Another event of the same community: the consumer protocol requires key and subject to be its id. */
    static CommunityFounded foundedFor(UUID id) {
        return new CommunityFounded(id, "c-" + id, "Community " + id, "About " + id, "java", "OPEN",
                UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static Map<String, byte[]> headers(CommunityFounded event, String id) {
        return new CloudEventHeaders(id, EventCatalog.COMMUNITY_FOUNDED.type(), "/test", Instant.now(),
                event.aggregateId(), null).toKafkaHeaders();
    }

    static byte[] json(CommunityFounded e) {
        return ("{\"communityId\":\"" + e.communityId() + "\",\"slug\":\"" + e.slug() + "\",\"name\":\"" + e.name()
                + "\",\"description\":\"" + e.description() + "\",\"practiceArea\":\"" + e.practiceArea()
                + "\",\"visibility\":\"" + e.visibility() + "\",\"foundedBy\":\"" + e.foundedBy()
                + "\",\"foundedAt\":\"" + e.foundedAt() + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
