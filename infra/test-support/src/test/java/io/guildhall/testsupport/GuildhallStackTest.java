package io.guildhall.testsupport;

import io.guildhall.devstack.KafkaBroker;
import io.guildhall.devstack.KeycloakUsers;
import io.guildhall.devstack.Ports;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuildhallStackTest {

    private static GuildhallStack stack;

    @BeforeAll
    static void startOrReuseTheStack() {
        stack = GuildhallStack.shared();
    }

    @Test
    void graces_token_is_for_the_api_and_carries_her_roles_and_attributes() {
        String claims = payload(stack.accessToken("grace"));

        assertTrue(claims.matches("(?s).*\"iss\":\"" + stack.issuerUri() + "\".*"), claims);
        assertTrue(claims.matches("(?s).*\"aud\":(\\[[^\\]]*)?\"guildhall-api\".*"), claims);
        assertTrue(claims.matches("(?s).*\"realm_access\":\\{\"roles\":\\[[^\\]]*\"community-lead\".*"), claims);
        assertTrue(claims.contains("\"department\":\"Engineering\""), claims);
        assertTrue(claims.contains("\"level\":\"manager\""), claims);
        assertTrue(claims.contains("\"weeklyHours\":40"), claims);
        assertTrue(claims.contains("\"preferred_username\":\"grace\""), claims);
    }

    @Test
    void people_registered_through_keycloaks_admin_api_sign_in_with_their_attributes_and_registering_again_adds_nobody() {
        String username = "registered-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers users = new KeycloakUsers(stack.keycloakUrl(), "guildhall");
        KeycloakUsers.User user = new KeycloakUsers.User(username, "Reg", "Istered", username + "@guildhall.example",
                Map.of("department", "Finance", "level", "senior", "location", "Lisbon", "weeklyHours", "24",
                        "startDate", "2020-02-03"), List.of("default-roles-guildhall", "employee"));

        assertEquals(new KeycloakUsers.Registered(1, 0), users.register(List.of(user), "demo"));
        assertEquals(new KeycloakUsers.Registered(0, 1), users.register(List.of(user), "demo"));
        String claims = payload(stack.accessToken(username, "demo"));

        assertTrue(claims.contains("\"department\":\"Finance\""), claims);
        assertTrue(claims.contains("\"level\":\"senior\""), claims);
        assertTrue(claims.contains("\"weeklyHours\":24"), claims);
        assertTrue(claims.matches("(?s).*\"realm_access\":\\{\"roles\":\\[[^\\]]*\"employee\".*"), claims);
        assertThrows(IllegalStateException.class, () -> stack.accessToken(username, "not-demo"));
    }

    @Test
    void ada_is_no_community_lead() {
        String claims = payload(stack.accessToken("ada"));

        assertTrue(claims.contains("\"employee\""), claims);
        assertFalse(claims.contains("\"community-lead\""), claims);
    }

    @Test
    void tokens_are_cached_and_wrong_passwords_rejected() {
        assertSame(stack.accessToken("katherine"), stack.accessToken("katherine"));
        assertThrows(IllegalStateException.class, () -> stack.accessToken("grace", "not-her-password"));
    }

    @Test
    void a_fresh_database_is_empty_even_while_someone_is_connected_to_the_old_one() throws SQLException {
        String db = stack.freshDatabase("test_support_self_test");
        try (Connection old = connect(db); Statement s = old.createStatement()) {
            s.execute("CREATE TABLE leftover (id int)");
            s.execute("INSERT INTO leftover VALUES (1)");

            stack.freshDatabase(db);
        }

        try (Connection fresh = connect(db); Statement s = fresh.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void the_private_kafka_keeps_its_records_and_port_across_an_outage() {
        Path dir;
        try (KafkaBroker broker = stack.startPrivateKafka()) {
            dir = broker.dir();
            int port = broker.port();
            TopicClient.create(broker.bootstrapServers(), "outage-test");
            send(broker.bootstrapServers(), "outage-test", "before the outage");

            broker.stop();
            assertFalse(Ports.isOpen(port), "the broker still listens after stop()");

            broker.start();
            assertEquals(port, broker.port());
            send(broker.bootstrapServers(), "outage-test", "after the outage");
            assertEquals(List.of("before the outage", "after the outage"),
                    readAll(broker.bootstrapServers(), "outage-test", 2));
        }
        assertFalse(Files.exists(dir), "close() leaves " + dir + " behind");
    }

    @Test
    void the_shared_broker_accepts_records() {
        TopicClient.create(stack.kafkaBootstrapServers(), "test-support.self-test");
        String hello = "hello " + UUID.randomUUID();
        send(stack.kafkaBootstrapServers(), "test-support.self-test", hello);
        assertTrue(TopicClient.find(stack.kafkaBootstrapServers(), "test-support.self-test",
                record -> hello.equals(new String(record.value(), StandardCharsets.UTF_8)), Duration.ofSeconds(30))
                .isPresent(), "the record is read back from the shared broker");
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(db), stack.dbUsername(), stack.dbPassword());
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static void send(String bootstrap, String topic, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not send to " + bootstrap, e);
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "self-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
