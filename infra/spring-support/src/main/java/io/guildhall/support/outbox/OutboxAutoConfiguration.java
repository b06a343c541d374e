package io.guildhall.support.outbox;

import io.guildhall.support.db.SupportSchemaMigration;
import io.guildhall.support.messaging.RawKafkaHeaderMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"})
@ConditionalOnBean(DatabaseClient.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    /** Named in guildhall-defaults.yml as the Kafka binder's header mapper. */
    @Bean
    @ConditionalOnMissingBean(name = "guildhallKafkaHeaderMapper")
    RawKafkaHeaderMapper guildhallKafkaHeaderMapper() {
        return new RawKafkaHeaderMapper();
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DatabaseClient db, ObjectProvider<JsonMapper> json, Clock clock,
                  org.springframework.core.env.Environment env) {
        String source = env.getProperty("guildhall.events.source",
                "/guildhall/" + env.getProperty("spring.application.name", "unknown"));
        return new Outbox(db, json.getIfAvailable(JsonMapper::new), source, clock);
    }

    /** Parked rows for an admin to re-send or skip ({@code /api/admin/outbox/parked}), in every web service. */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
            type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.REACTIVE)
    ParkedOutboxController parkedOutboxController(DatabaseClient db) {
        return new ParkedOutboxController(db);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxMetrics outboxMetrics(DatabaseClient db, ObjectProvider<MeterRegistry> registry) {
        return new OutboxMetrics(db, registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamBridge.class)
    OutboxPublisher outboxPublisher(org.springframework.core.env.Environment env,
                                    ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                                    ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        // The same brokers as the binder's; producer settings can be added under guildhall.outbox.producer.*.
        Map<String, Object> overrides = producerSettings(Binder.get(env)
                .bind("guildhall.outbox.producer", Bindable.mapOf(String.class, Object.class)).orElse(Map.of()));
        OutboxTracing tracing = tracer.getIfAvailable() != null && propagator.getIfAvailable() != null
                ? OutboxTracing.with(tracer.getObject(), propagator.getObject()) : OutboxTracing.NONE;
        return new KafkaOutboxPublisher(env.getProperty("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:9092"),
                overrides, tracing);
    }

    /**
     * Kafka's settings by their dotted names. YAML nests {@code max.block.ms: 1000} as max → block → ms (Boot keeps the
     * dots only in {@code "[max.block.ms]"}): the nesting is joined back, so both spellings reach the producer.
     */
    static Map<String, Object> producerSettings(Map<String, Object> bound) {
        Map<String, Object> settings = new HashMap<>();
        flatten("", bound, settings);
        return settings;
    }

    private static void flatten(String prefix, Map<?, ?> values, Map<String, Object> into) {
        values.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, into);
            } else {
                into.put(name, value);
            }
        });
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(OutboxPublisher.class)
    @ConditionalOnProperty(name = "guildhall.outbox.relay.enabled", matchIfMissing = true)
    @DependsOn("supportSchemaMigration")
    OutboxRelay outboxRelay(DatabaseClient db, ReactiveTransactionManager transactionManager, OutboxPublisher publisher,
                            OutboxProperties properties, OutboxMetrics metrics, ConnectionFactory connections) {
        return new OutboxRelay(db, TransactionalOperator.create(transactionManager), publisher, properties, metrics,
                OutboxWakeUp.listen(connections));
    }
}
