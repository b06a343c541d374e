package io.guildhall.event.lead;

import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.support.messaging.EventConsumers;
import io.guildhall.support.messaging.ReceivedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/**
 * Keeps the replica of who leads which community, and which communities are archived ({@link CommunityLeadStore}),
 * from guildhall.community.v1: event-service decides who may organise a community's events without calling
 * community-service.
 */
@Configuration
public class CommunityLeads {

    private final CommunityLeadStore store;

    public CommunityLeads(CommunityLeadStore store) {
        this.store = store;
    }

    @Bean
    public Consumer<Message<byte[]>> communityEvents(EventConsumers consumers) {
        return consumers.idempotent("event-service-community-leads", this::apply);
    }

    Mono<Void> apply(ReceivedEvent received) {
        if (received.data() instanceof CommunityFounded founded) {
            return store.add(founded.communityId(), founded.foundedBy());
        }
        if (received.data() instanceof LeadAssigned assigned) {
            return store.add(assigned.communityId(), assigned.personId());
        }
        if (received.data() instanceof LeadRemoved removed) {
            return store.remove(removed.communityId(), removed.personId());
        }
        if (received.data() instanceof CommunityArchived archived) {
            return store.archive(archived.communityId(), archived.archivedAt());
        }
        return Mono.empty();
    }
}
