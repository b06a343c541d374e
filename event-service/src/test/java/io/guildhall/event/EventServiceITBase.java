package io.guildhall.event;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.testsupport.TopicClient;
import io.guildhall.testsupport.spring.ServiceIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;


/** event-service's helpers on top of {@link ServiceIT}, the integration-test base of the Spring services. */
public abstract class EventServiceITBase extends ServiceIT {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    protected static Map<String, Object> event(String title, Instant startsAt, Integer capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("type", "TRAINING");
        body.put("format", "IN_PERSON");
        body.put("location", "Room 4, London office");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofMinutes(90)).toString());
        body.put("timeZone", "Europe/London");
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return body;
    }

    protected String create(String user, Map<String, Object> body) {
        Map<?, ?> created = client().post().uri("/api/events").headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    protected WebTestClient.ResponseSpec rsvp(String user, String eventId, String status) {
        return client().put().uri("/api/events/" + eventId + "/rsvp").headers(h -> h.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", status)).exchange();
    }

    protected static void publish(String topic, GuildhallEvent event) {
        TopicClient.send(stack.kafkaBootstrapServers(), topic, event.aggregateId(), JSON.writeValueAsBytes(event),
                CloudEventHeaders.newEvent(event, "/community-service", Instant.now(), null).toKafkaHeaders());
    }

    /**
     * Reads guildhall.event.v1 until the records keyed {@code key} satisfy {@code done}; asserts each one is a valid
     * Guildhall event from event-service (CloudEvents headers, schema-valid data).
     */
    protected static List<ConsumerRecord<String, byte[]>> published(String key, Predicate<List<String>> done) {
        List<ConsumerRecord<String, byte[]>> found = TopicClient.awaitKeyed(stack.kafkaBootstrapServers(), Topics.EVENT,
                key, records -> done.test(types(records)), Duration.ofSeconds(60));
        found.forEach(record -> TopicClient.assertGuildhallEvent(record, "event-service"));
        return found;
    }

    protected static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return TopicClient.types(records);
    }

    protected static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicClient.header(record, name);
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> data(ConsumerRecord<String, byte[]> record) {
        return JSON.readValue(record.value(), Map.class);
    }

    /** The community as community-service would announce it, once event-service's replica knows its founder. */
    protected void foundedBy(String user, UUID community) {
        publish(Topics.COMMUNITY, new CommunityFounded(community, "guild-" + community, "Guild " + community, "d", "java",
                "OPEN", personId(user), Instant.now()));
        awaitLead(community, personId(user), true);
    }

    protected void awaitLead(UUID community, String person, boolean lead) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Long n = db.sql("SELECT count(*) FROM community_lead WHERE community_id = :c AND person_id = :p")
                    .bind("c", community).bind("p", person).map(r -> r.get(0, Long.class)).one().block();
            if ((n > 0) == lead) {
                return;
            }
            sleep();
        }
        throw new AssertionError("The lead replica never showed " + person + (lead ? " leading " : " not leading ") + community);
    }

    protected static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
