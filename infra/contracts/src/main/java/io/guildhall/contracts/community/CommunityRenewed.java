package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An inactive community is active again: a lead renewed it, or one of its events was scheduled.")
public record CommunityRenewed(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The lead or admin who renewed it (Keycloak user id); null when a scheduled event renewed it.")
        @Nullable String renewedBy,
        @Description("When (RFC 3339, UTC).")
        Instant renewedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
