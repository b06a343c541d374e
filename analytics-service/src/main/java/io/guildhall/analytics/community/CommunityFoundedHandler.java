package io.guildhall.analytics.community;

import io.guildhall.analytics.messaging.EventHandler;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.community.CommunityFounded;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;

@Singleton
@SerdeImport(CommunityFounded.class)
public class CommunityFoundedHandler implements EventHandler<CommunityFounded> {

    private final CommunityStore communities;

    public CommunityFoundedHandler(CommunityStore communities) {
        this.communities = communities;
    }

    @Override
    public EventType<CommunityFounded> eventType() {
        return EventCatalog.COMMUNITY_FOUNDED;
    }

    @Override
    public void apply(CommunityFounded event, CloudEventHeaders headers, Connection transaction) throws SQLException {
        communities.applyFounded(transaction, event, headers.time());
    }
}
