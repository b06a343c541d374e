package io.guildhall.event;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.guildhall.testsupport.GuildhallStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** One application context for every integration test of event-service, against the shared dev stack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EventServiceITBase {

    protected static final GuildhallStack stack = GuildhallStack.shared();
    static final String DATABASE = stack.freshDatabase("event_test");
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        stack.serviceEnvironment(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected DatabaseClient db;

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    protected static String token(String user) {
        return stack.accessToken(user);
    }

    /** The person id (sub) of a demo user, read from their token. */
    protected static String idOf(String user) {
        return stack.personId(user);
    }

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

    protected long count(String sql, UUID id) {
        return db.sql(sql).bind("id", id).map(r -> r.get(0, Long.class)).one().block();
    }

    protected static void publish(String topic, GuildhallEvent event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.aggregateId(), JSON.writeValueAsBytes(event));
            CloudEventHeaders.newEvent(event, "/community-service", Instant.now(), null).toKafkaHeaders()
                    .forEach((name, value) -> record.headers().add(name, value));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads guildhall.event.v1 until the records keyed {@code key} satisfy {@code done}; asserts each one carries the
     * CloudEvents headers and schema-valid data.
     */
    protected static List<ConsumerRecord<String, byte[]>> published(String key, Predicate<List<String>> done) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.EVENT));
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (done.test(types(found))) {
                    found.forEach(EventServiceITBase::assertValidCloudEvent);
                    return found;
                }
            }
        }
        throw new AssertionError("Only " + types(found) + " published for " + key);
    }

    protected static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList();
    }

    protected static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> data(ConsumerRecord<String, byte[]> record) {
        return JSON.readValue(record.value(), Map.class);
    }

    private static void assertValidCloudEvent(ConsumerRecord<String, byte[]> record) {
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(record.key());
        assertThat(header(record, CloudEventHeaders.SOURCE)).endsWith("event-service");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(SchemaValidator.shared().validate(header(record, CloudEventHeaders.TYPE), record.value())).isEmpty();
    }
}
