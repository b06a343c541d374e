package io.guildhall.community.community;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.guildhall.testsupport.GuildhallStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Founding a community: stored with its first lead and its event in one transaction, then on Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FoundCommunityIT {

    static final GuildhallStack stack = GuildhallStack.shared();
    static final String DATABASE = stack.freshDatabase("community_test");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        stack.serviceEnvironment(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void grace_founds_a_community_and_it_is_published_as_a_schema_valid_cloudevent() {
        String name = "Kotlin Guild " + UUID.randomUUID().toString().substring(0, 8);
        Map<?, ?> created = client().post().uri("/api/communities")
                .headers(h -> h.setBearerAuth(stack.accessToken("grace")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "description", "Kotlin on the JVM", "practiceArea", "Kotlin"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(created.get("slug")).isEqualTo(name.toLowerCase().replace(' ', '-'));

        Long leads = db.sql("SELECT count(*) AS n FROM community_lead WHERE community_id = :id")
                .bind("id", UUID.fromString(id)).map(r -> r.get("n", Long.class)).one().block();
        assertThat(leads).isEqualTo(1);

        ConsumerRecord<String, byte[]> record = findOnKafka(id);
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("guildhall.community.founded.v1");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/guildhall/community-service");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(new SchemaValidator().validate(header(record, CloudEventHeaders.TYPE), record.value())).isEmpty();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(name);

        client().get().uri("/api/communities/" + id).headers(h -> h.setBearerAuth(stack.accessToken("ada"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo(name);
    }

    @Test
    void a_second_community_with_the_same_name_gets_409_naming_the_field() {
        String name = "Rust Circle " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> body = Map.of("name", name, "description", "Rust", "practiceArea", "rust");
        client().post().uri("/api/communities").headers(h -> h.setBearerAuth(stack.accessToken("grace")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated();
        client().post().uri("/api/communities").headers(h -> h.setBearerAuth(stack.accessToken("ada")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void bad_input_gets_400_naming_the_field_and_writes_nothing() {
        Long before = communities();
        client().post().uri("/api/communities").headers(h -> h.setBearerAuth(stack.accessToken("grace")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "", "description", "x", "practiceArea", "java"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        client().post().uri("/api/communities").headers(h -> h.setBearerAuth(stack.accessToken("grace")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"A\",\"description\":\"x\",\"practiceArea\":\"java\",\"visibility\":\"SECRET\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("visibility");
        assertThat(communities()).isEqualTo(before);
    }

    @Test
    void without_a_token_it_is_401() {
        client().post().uri("/api/communities").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "X", "description", "x", "practiceArea", "java"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void health_and_openapi_are_public() {
        client().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().jsonPath("$.paths['/api/communities']").exists();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("guildhall_outbox_pending"));
    }

    private Long communities() {
        return db.sql("SELECT count(*) AS n FROM community").map(r -> r.get("n", Long.class)).one().block();
    }

    private static ConsumerRecord<String, byte[]> findOnKafka(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.COMMUNITY));
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No event for community " + key + " on " + Topics.COMMUNITY);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
