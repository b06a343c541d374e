package io.guildhall.support.messaging;

import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.consumer.ConsumerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import io.guildhall.contracts.topics.TopicDeclaration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(afterName = {
        "io.guildhall.support.outbox.OutboxAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"})
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SchemaValidator schemaValidator() {
        return new SchemaValidator();
    }

    /** Every declared topic exists, with its declared retention, before consumers bind and the relay sends. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamBridge.class)
    @ConditionalOnProperty(name = "guildhall.kafka.topics.provision", matchIfMissing = true)
    TopicProvisioning topicProvisioning(Environment env) {
        String retention = env.getProperty("guildhall.kafka.topics.retention", "");
        TopicDeclaration.Settings settings = new TopicDeclaration.Settings(
                env.getProperty("guildhall.kafka.topics.partitions", Integer.class, 3),
                env.getProperty("guildhall.kafka.topics.replication-factor", Short.class, (short) 1),
                env.getProperty("guildhall.kafka.topics.min-insync-replicas", Integer.class, 1),
                retention.isBlank() || retention.equals("forever") ? null : DurationStyle.detectAndParse(retention));
        return new TopicProvisioning(env.getProperty("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:9092"), settings,
                env.getProperty("guildhall.kafka.topics.raise-retention", Boolean.class, true));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamBridge.class)
    DeadLetterPublisher deadLetterPublisher(StreamBridge streamBridge, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetterPublisher(streamBridge, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** Where the binder puts what a handler failed on after its retries: the same {@code <topic>.dlt}. */
    @Bean
    @ConditionalOnMissingBean
    DlqDestinationResolver guildhallDlqDestinationResolver(ObjectProvider<DeadLetterPublisher> deadLetters,
                                                          Environment env) {
        String consumer = env.getProperty("spring.application.name", "service");
        return (record, exception) -> {
            deadLetters.ifAvailable(publisher -> publisher.count(consumer, record.topic(), ConsumerMetrics.DEAD_LETTERED));
            return Topics.deadLetterOf(record.topic());
        };
    }

    /** Idempotency rows outlive redeliveries, not the history: pruned by age. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({DatabaseClient.class, DeadLetterPublisher.class})
    ProcessedEventPruner processedEventPruner(DatabaseClient db, Environment env) {
        return new ProcessedEventPruner(db,
                DurationStyle.detectAndParse(env.getProperty("guildhall.consumer.processed-retention", "30d")),
                DurationStyle.detectAndParse(env.getProperty("guildhall.consumer.prune-every", "1h")));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({DatabaseClient.class, DeadLetterPublisher.class, ReactiveTransactionManager.class})
    EventConsumers eventConsumers(DatabaseClient db, ReactiveTransactionManager transactionManager,
                                  ObjectProvider<JsonMapper> json, SchemaValidator validator, DeadLetterPublisher deadLetters,
                                  Environment env) {
        return new EventConsumers(db, TransactionalOperator.create(transactionManager), json.getIfAvailable(JsonMapper::new),
                validator, deadLetters, DurationStyle.detectAndParse(env.getProperty("guildhall.consumer.transient-backoff", "500ms")));
    }
}
