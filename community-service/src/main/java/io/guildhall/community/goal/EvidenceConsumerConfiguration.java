package io.guildhall.community.goal;

import io.guildhall.community.community.CommunityLifecycle;
import io.guildhall.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Binds {@link GoalEvidenceHandler} and {@link CommunityLifecycle} to the event topic (see spring.cloud.stream.bindings.eventEvidence-in-0). */
@Configuration
public class EvidenceConsumerConfiguration {

    public static final String CONSUMER = "community-service.goal-evidence";

    @Bean
    public Consumer<Message<byte[]>> eventEvidence(EventConsumers consumers, GoalEvidenceHandler evidence,
                                                   CommunityLifecycle lifecycle) {
        // Goal evidence from attendance, and signs of life from scheduled events (an inactive community renewed).
        return consumers.idempotent(CONSUMER, event -> evidence.handle(event).then(lifecycle.handle(event)));
    }
}
