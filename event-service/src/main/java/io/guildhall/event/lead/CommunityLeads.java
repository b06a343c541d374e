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
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The replica of who leads which community, and which communities are archived, built from guildhall.community.v1:
 * event-service decides who may organise a community's events without calling community-service.
 */
@Configuration
public class CommunityLeads {

    private final DatabaseClient db;

    public CommunityLeads(DatabaseClient db) {
        this.db = db;
    }

    @Bean
    public Consumer<Message<byte[]>> communityEvents(EventConsumers consumers) {
        return consumers.idempotent("event-service-community-leads", this::apply);
    }

    Mono<Void> apply(ReceivedEvent received) {
        if (received.data() instanceof CommunityFounded founded) {
            return add(founded.communityId(), founded.foundedBy());
        }
        if (received.data() instanceof LeadAssigned assigned) {
            return add(assigned.communityId(), assigned.personId());
        }
        if (received.data() instanceof LeadRemoved removed) {
            return db.sql("DELETE FROM community_lead WHERE community_id = :c AND person_id = :p")
                    .bind("c", removed.communityId()).bind("p", removed.personId()).then();
        }
        if (received.data() instanceof CommunityArchived archived) {
            return db.sql("INSERT INTO archived_community (community_id, archived_at) VALUES (:c, :at) ON CONFLICT DO NOTHING")
                    .bind("c", archived.communityId()).bind("at", archived.archivedAt().atOffset(ZoneOffset.UTC))
                    .then();
        }
        return Mono.empty();
    }

    public Mono<Boolean> isArchived(UUID community) {
        return db.sql("SELECT 1 FROM archived_community WHERE community_id = :c")
                .bind("c", community).map(row -> true).one().defaultIfEmpty(false);
    }

    private Mono<Void> add(UUID community, String person) {
        return db.sql("INSERT INTO community_lead (community_id, person_id) VALUES (:c, :p) ON CONFLICT DO NOTHING")
                .bind("c", community).bind("p", person).then();
    }

    public Mono<Boolean> isLead(UUID community, String person) {
        return db.sql("SELECT 1 FROM community_lead WHERE community_id = :c AND person_id = :p")
                .bind("c", community).bind("p", person).map(row -> true).one().defaultIfEmpty(false);
    }
}
