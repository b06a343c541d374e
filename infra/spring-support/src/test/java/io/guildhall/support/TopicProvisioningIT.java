package io.guildhall.support;

import io.guildhall.contracts.Topics;
import io.guildhall.contracts.topics.TopicDeclaration;
import io.guildhall.contracts.topics.TopicProvisioner;
import io.guildhall.devstack.KafkaBroker;
import io.guildhall.testsupport.GuildhallStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The topic declaration against a real broker of the test's own (auto-creation off, as every Guildhall broker):
 * provisioning creates every declared topic keeping history for ever, a topic that would lose history is refused
 * (or, where allowed, raised), and an undeclared topic is never created on the fly.
 */
class TopicProvisioningIT {

    static final GuildhallStack stack = GuildhallStack.shared();
    static final KafkaBroker kafka = stack.startPrivateKafka();

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void provisioning_creates_every_declared_topic_with_three_partitions_and_history_for_ever() throws Exception {
        List<TopicDeclaration> declared = TopicDeclaration.all(TopicDeclaration.Settings.development());
        TopicProvisioner.Outcome first = new TopicProvisioner(false, Duration.ofSeconds(30)).provision(kafka.bootstrapServers(), declared);
        assertThat(first.created()).containsExactlyInAnyOrderElementsOf(declared.stream().map(TopicDeclaration::name).toList());

        try (Admin admin = admin()) {
            assertThat(admin.describeTopics(List.of(Topics.EVENT)).allTopicNames().get().get(Topics.EVENT).partitions()).hasSize(3);
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENT))).all().get()
                    .values().iterator().next();
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        }
        // A second start (another instance, a restart) verifies and changes nothing.
        TopicProvisioner.Outcome again = new TopicProvisioner(false, Duration.ofSeconds(30)).provision(kafka.bootstrapServers(), declared);
        assertThat(again.created()).isEmpty();
        assertThat(again.retentionRaised()).isEmpty();
    }

    @Test
    void a_topic_that_would_lose_history_is_refused_unless_raising_is_allowed() throws Exception {
        String topic = "retention-test." + System.nanoTime();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("retention.ms", "604800000")))).all().get();
        }
        TopicDeclaration declared = new TopicDeclaration(topic, 1, (short) 1, 1, null, "delete");

        assertThatThrownBy(() -> new TopicProvisioner(false, Duration.ofSeconds(30)).provision(kafka.bootstrapServers(), List.of(declared)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(topic).hasMessageContaining("7 days");

        assertThat(new TopicProvisioner(true, Duration.ofSeconds(30)).provision(kafka.bootstrapServers(), List.of(declared))
                .retentionRaised()).containsExactly(topic);
        try (Admin admin = admin()) {
            assertThat(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic))).all().get()
                    .values().iterator().next().get("retention.ms").value()).isEqualTo("-1");
        }
    }

    @Test
    void the_broker_never_creates_an_undeclared_topic() throws Exception {
        String topic = "undeclared." + System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000),
                new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "v")).get()).hasMessageContaining(topic);
        }
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
