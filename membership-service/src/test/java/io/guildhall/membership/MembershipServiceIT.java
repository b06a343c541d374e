package io.guildhall.membership;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.testsupport.GuildhallStack;
import io.guildhall.contracts.Topics;
import io.guildhall.testsupport.TopicClient;
import io.guildhall.testsupport.spring.ServiceIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every integration test: one database, one Spring context shared by the test classes, real Keycloak
 * tokens, the real Kafka broker and the real Keycloak admin API. The community events this service consumes are
 * sent to a topic of this test run's own, so that the tests never react to (and never mirror into Keycloak) the
 * events other test runs publish on guildhall.community.v1.
 */
public abstract class MembershipServiceIT extends ServiceIT {

    /** A private, namespaced copy of the community topic (the consumer protocol accepts {@code <namespace>.<topic>}). */
    protected static final String COMMUNITY_TOPIC = "membership-test-" + UUID.randomUUID() + "." + Topics.COMMUNITY;
    protected static final KeycloakTestUsers keycloak = new KeycloakTestUsers(stack.keycloakUrl());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void membershipSettings(DynamicPropertyRegistry registry) {
        // A topic of this run's own, outside the declaration: brokers do not create topics on the fly.
        TopicClient.create(stack.kafkaBootstrapServers(), COMMUNITY_TOPIC, Topics.deadLetterOf(COMMUNITY_TOPIC));
        registry.add("spring.cloud.stream.bindings.communityEvents-in-0.destination", () -> COMMUNITY_TOPIC);
        registry.add("spring.cloud.stream.kafka.bindings.communityEvents-in-0.consumer.start-offset", () -> "earliest");
        registry.add("guildhall.directory.sync-on-start", () -> "false");
        // Tests run the Keycloak mirror explicitly (KeycloakSyncWorker.processDue), so they can also run it against
        // an unreachable Keycloak first.
        registry.add("guildhall.keycloak-sync.poll-interval", () -> "1h");
    }

    @AfterAll
    static void removeKeycloakTestData() {
        keycloak.cleanUp();
    }

    protected static String subjectOf(String token) {
        return GuildhallStack.subjectOf(token);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes CommunityFounded for a new community and waits until this service has its founder as lead. */
    protected UUID found(String founderId, String visibility) {
        UUID id = UUID.randomUUID();
        String slug = unique("test-guild");
        keycloak.noteGroup("/communities/" + slug);
        publishCommunityEvent(new io.guildhall.contracts.community.CommunityFounded(id, slug, "Guild " + slug,
                "About " + slug, "testing", visibility, founderId, Instant.now()));
        await("community " + slug + " replicated").atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM membership WHERE community_id = :c "
                + "AND person_id = :p AND role = 'LEAD' AND left_at IS NULL", Map.of("c", id, "p", founderId)) == 1);
        return id;
    }

    protected static String slugOf(DatabaseClient db, UUID communityId) {
        return db.sql("SELECT slug FROM community WHERE id = :id").bind("id", communityId)
                .map(r -> r.get("slug", String.class)).one().block();
    }

    /** Publishes a community event as community-service would (CloudEvents headers, raw bytes). */
    protected static void publishCommunityEvent(GuildhallEvent event) {
        publishCommunityEvent(event, CloudEventHeaders.newEvent(EventCatalog.typeOf(event), "/community-service",
                event.aggregateId(), Instant.now(), null));
    }

    protected static void publishCommunityEvent(GuildhallEvent event, CloudEventHeaders headers) {
        TopicClient.send(stack.kafkaBootstrapServers(), COMMUNITY_TOPIC, event.aggregateId(), JSON.writeValueAsBytes(event),
                headers.toKafkaHeaders());
    }

    protected long count(String sql, Map<String, Object> binds) {
        return db.sql(sql).bindValues(binds).map(r -> r.get(0, Long.class)).one().block();
    }

    protected long outboxRows() {
        return db.sql("SELECT count(*) FROM guildhall_outbox").map(r -> r.get(0, Long.class)).one().block();
    }

    /** The events this service recorded for a key, oldest first, each checked against its schema. */
    protected List<String> recordedTypes(String key) {
        List<String> types = new ArrayList<>();
        db.sql("SELECT ce_type, payload FROM guildhall_outbox WHERE message_key = :k ORDER BY ce_time, event_id")
                .bind("k", key)
                .map(r -> Map.entry(r.get("ce_type", String.class), r.get("payload", byte[].class)))
                .all().toStream()
                .forEach(row -> {
                    assertThat(SchemaValidator.shared().validate(row.getKey(), row.getValue())).as(row.getKey()).isEmpty();
                    types.add(row.getKey());
                });
        return types;
    }

    /** The recorded payloads of one type for a key, as JSON text. */
    protected List<String> recorded(String key, String type) {
        return db.sql("SELECT payload FROM guildhall_outbox WHERE message_key = :k AND ce_type = :t ORDER BY ce_time, event_id")
                .bind("k", key).bind("t", type)
                .map(r -> new String(r.get("payload", byte[].class), StandardCharsets.UTF_8)).all().collectList().block();
    }

    /** Waits for a published record of the type and key on the topic; checks it against the contracts. */
    protected static ConsumerRecord<String, byte[]> awaitPublished(String topic, String key, String type,
                                                                   Predicate<String> payload) {
        ConsumerRecord<String, byte[]> record = TopicClient.find(stack.kafkaBootstrapServers(), topic,
                        r -> key.equals(r.key()) && type.equals(header(r, CloudEventHeaders.TYPE))
                                && payload.test(TopicClient.json(r)), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("no " + type + " for " + key + " on " + topic));
        TopicClient.assertGuildhallEvent(record, "membership-service");
        return record;
    }

    protected static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicClient.header(record, name);
    }
}
