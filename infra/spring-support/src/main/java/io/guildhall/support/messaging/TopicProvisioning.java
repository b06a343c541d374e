package io.guildhall.support.messaging;

import io.guildhall.contracts.topics.TopicDeclaration;
import io.guildhall.contracts.topics.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import java.time.Duration;
import java.util.List;

/**
 * Creates or verifies every declared topic when the service starts, before its consumers bind and its outbox relay
 * sends (brokers run with topic auto-creation off). Settings {@code guildhall.kafka.topics.*}; see
 * {@link TopicDeclaration} for what is declared and {@link TopicProvisioner} for when it refuses to start.
 */
public class TopicProvisioning implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

    private final String bootstrapServers;
    private final List<TopicDeclaration> declarations;
    private final boolean raiseRetention;

    public TopicProvisioning(String bootstrapServers, TopicDeclaration.Settings settings, boolean raiseRetention) {
        this.bootstrapServers = bootstrapServers;
        this.declarations = TopicDeclaration.all(settings);
        this.raiseRetention = raiseRetention;
    }

    @Override
    public void afterPropertiesSet() {
        TopicProvisioner.Outcome outcome = new TopicProvisioner(raiseRetention, Duration.ofSeconds(60))
                .provision(bootstrapServers, declarations);
        outcome.report().forEach(log::info);
    }
}
