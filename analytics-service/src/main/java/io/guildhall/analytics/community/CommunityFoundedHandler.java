package io.guildhall.analytics.community;

import io.guildhall.analytics.messaging.TopicHandler;
import io.guildhall.analytics.person.Erasures;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.community.CommunityFounded;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The community, and its founder as its first lead (no LeadAssigned is published for them). */
@Singleton
@SerdeImport(CommunityFounded.class)
public class CommunityFoundedHandler implements TopicHandler<CommunityFounded> {

    private final CommunityStore communities;
    private final GovernanceStore governance;
    private final Erasures erasures;

    public CommunityFoundedHandler(CommunityStore communities, GovernanceStore governance, Erasures erasures) {
        this.communities = communities;
        this.governance = governance;
        this.erasures = erasures;
    }

    @Override
    public EventType<CommunityFounded> eventType() {
        return EventCatalog.COMMUNITY_FOUNDED;
    }

    @Override
    public void apply(CommunityFounded event, CloudEventHeaders headers, Connection transaction) throws SQLException {
        String founder = erasures.resolve(transaction, event.foundedBy());
        CommunityRow founded = new CommunityRow(event.communityId(), event.slug(), event.name(), event.practiceArea(),
                event.visibility(), founder, event.foundedAt(), headers.time(), 1, false);
        communities.change(transaction, event.communityId(),
                row -> Optional.of(CommunityRow.afterFounded(row, founded)));
        governance.changeLead(transaction, new LeadRow(event.communityId(), founder, true, headers.time()));
    }
}
