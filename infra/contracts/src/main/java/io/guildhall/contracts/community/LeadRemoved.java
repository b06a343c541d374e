package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A person stopped being a lead of a community; a community never loses its last lead.")
public record LeadRemoved(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The former lead (Keycloak user id, the token's sub).")
        String personId,
        @Description("The lead (or admin) who removed them (Keycloak user id, the token's sub).")
        String removedBy,
        @Description("When (RFC 3339, UTC).")
        Instant removedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
