package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A lead archived a community; its history stays readable, no new goals or events.")
public record CommunityArchived(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The lead who archived it (Keycloak user id, the token's sub).")
        String archivedBy,
        @Description("When it was archived (RFC 3339, UTC).")
        Instant archivedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
