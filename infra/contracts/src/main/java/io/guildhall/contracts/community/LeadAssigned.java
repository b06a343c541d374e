package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A person became a (co-)lead of a community.")
public record LeadAssigned(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The new lead (Keycloak user id, the token's sub).")
        String personId,
        @Description("The lead (or admin) who assigned them (Keycloak user id, the token's sub).")
        String assignedBy,
        @Description("When (RFC 3339, UTC).")
        Instant assignedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
