package io.guildhall.membership.community;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.community.CommunityUpdated;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.membership.membership.Roster;
import io.guildhall.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/**
 * Consumes guildhall.community.v1 (binding communityEvents-in-0): keeps the community replica and turns founding,
 * lead changes and archiving into memberships. Idempotent: a redelivered event is recorded once and skipped.
 */
@Configuration(proxyBeanMethods = false)
public class CommunityEventsConfiguration {

    public static final String CONSUMER = "membership-service";

    @Bean
    Consumer<Message<byte[]>> communityEvents(EventConsumers consumers, CommunityReplicaStore communities, Roster roster) {
        return consumers.idempotent(CONSUMER, received -> handle(received.data(), communities, roster));
    }

    static Mono<Void> handle(GuildhallEvent data, CommunityReplicaStore communities, Roster roster) {
        if (data instanceof CommunityFounded e) {
            return communities.upsert(e.communityId(), e.slug(), e.name(), e.visibility(), e.foundedAt())
                    .then(roster.founded(e.communityId(), e.foundedBy(), e.foundedAt()));
        }
        if (data instanceof CommunityUpdated e) {
            return communities.find(e.communityId())
                    .flatMap(before -> communities.upsert(e.communityId(), e.slug(), e.name(), e.visibility(), e.updatedAt())
                            .then(before.slug().equals(e.slug()) ? Mono.<Void>empty() : roster.renamed(e.communityId())));
        }
        if (data instanceof LeadAssigned e) {
            // A lead change of a community this replica never saw founded (events before this consumer existed) is skipped.
            return communities.find(e.communityId())
                    .flatMap(c -> roster.leadAssigned(e.communityId(), e.personId(), e.assignedBy(), e.assignedAt()));
        }
        if (data instanceof LeadRemoved e) {
            return communities.find(e.communityId())
                    .flatMap(c -> roster.leadRemoved(e.communityId(), e.personId(), e.removedBy(), e.removedAt()));
        }
        if (data instanceof CommunityArchived e) {
            return communities.find(e.communityId())
                    .flatMap(c -> communities.archive(e.communityId(), e.archivedAt())
                            .then(roster.archived(e.communityId(), e.archivedAt())));
        }
        return Mono.empty();
    }
}
