package io.guildhall.support.outbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** guildhall.outbox.producer.* reaches the producer under Kafka's own dotted names, however YAML spelled them. */
class OutboxProducerSettingsTest {

    static Map<String, Object> bind(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return OutboxAutoConfiguration.producerSettings(binder.bind("guildhall.outbox.producer",
                Bindable.mapOf(String.class, Object.class)).orElse(Map.of()));
    }

    @Test
    void nested_yaml_keys_are_joined_back_into_kafkas_names() {
        Map<String, Object> settings = bind(Map.of("guildhall.outbox.producer.max.block.ms", "1000",
                "guildhall.outbox.producer.delivery.timeout.ms", "2000", "guildhall.outbox.producer.acks", "all"));

        assertThat(settings).containsEntry("max.block.ms", "1000").containsEntry("delivery.timeout.ms", "2000")
                .containsEntry("acks", "all").doesNotContainKey("max");
    }

    @Test
    void bracketed_keys_stay_as_they_are() {
        assertThat(bind(Map.of("guildhall.outbox.producer[max.block.ms]", "1000"))).containsEntry("max.block.ms", "1000");
    }
}
