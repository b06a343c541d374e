package io.guildhall.community;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.guildhall.testsupport.GuildhallStack;
import io.guildhall.testsupport.TopicClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every integration test of this service: one database, one Spring context (identical configuration, so
 * the context cache shares it between the test classes), real Keycloak tokens and the real Kafka broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CommunityServiceIT {

    protected static final GuildhallStack stack = GuildhallStack.shared();
    protected static final String DATABASE = stack.freshDatabase("community_service_it");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        stack.serviceEnvironment(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected DatabaseClient db;

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    protected static String token(String user) {
        return stack.accessToken(user);
    }

    /** The Keycloak subject (person id) of a demo user, read from their token. */
    protected static String personId(String user) {
        return stack.personId(user);
    }

    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Founds a community as the given user and returns its id. */
    protected String found(String user, String name, String practiceArea) {
        Map<?, ?> created = client().post().uri("/api/communities").headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "description", "About " + name, "practiceArea", practiceArea))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    protected long count(String sql, Object id) {
        return db.sql(sql).bind("id", id).map(r -> r.get(0, Long.class)).one().block();
    }

    protected long outboxRows(String communityId) {
        return db.sql("SELECT count(*) FROM guildhall_outbox WHERE message_key = :k").bind("k", communityId)
                .map(r -> r.get(0, Long.class)).one().block();
    }

    /**
     * Waits until every expected ce_type has been seen on the community topic for this key, checks each against
     * the contracts (CloudEvents headers, schema) and for a traceparent, and returns them by type (the last of each).
     */
    protected static Map<String, ConsumerRecord<String, byte[]>> awaitEvents(String key, Set<String> types) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        TopicClient.awaitKeyed(stack.kafkaBootstrapServers(), Topics.COMMUNITY, key,
                        records -> TopicClient.types(records).containsAll(types), Duration.ofSeconds(60))
                .forEach(record -> {
                    TopicClient.assertGuildhallEvent(record, "/guildhall/community-service");
                    assertThat(header(record, CloudEventHeaders.TRACEPARENT)).as("traceparent").isNotNull();
                    found.put(header(record, CloudEventHeaders.TYPE), record);
                });
        return found;
    }

    protected static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicClient.header(record, name);
    }

    protected static String json(ConsumerRecord<?, byte[]> record) {
        return TopicClient.json(record);
    }
}
