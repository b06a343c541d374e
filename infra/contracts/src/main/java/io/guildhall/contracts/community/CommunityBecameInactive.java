package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Minimum;

import java.time.Instant;
import java.util.UUID;

@Description("A community held no event for the inactivity period (90 days by default): it is INACTIVE until a lead renews it or an event is scheduled.")
public record CommunityBecameInactive(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("Its last sign of life: the start of its latest event, its founding or its last renewal (RFC 3339, UTC).")
        Instant lastActivityAt,
        @Description("The inactivity period in days that passed since then.")
        @Minimum(1) int inactiveAfterDays,
        @Description("When it became inactive (RFC 3339, UTC).")
        Instant becameInactiveAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
