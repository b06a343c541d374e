package io.guildhall.community;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.guildhall.testsupport.TopicClient;
import io.guildhall.testsupport.spring.ServiceIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** community-service's helpers on top of {@link ServiceIT}, the integration-test base of the Spring services. */
public abstract class CommunityServiceIT extends ServiceIT {

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
