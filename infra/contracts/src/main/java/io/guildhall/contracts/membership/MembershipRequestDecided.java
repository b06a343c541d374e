package io.guildhall.contracts.membership;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.membership.request-decided.v1}: a lead approved or declined a request to join; an approval is followed by a joined event. */
public record MembershipRequestDecided(
        UUID communityId,
        UUID requestId,
        String personId,
        @EnumValues(RequestDecision.class) String decision,
        /** Not published any more (null): free text about a person stays in membership-service, not in Kafka. */
        @Nullable String reason,
        String decidedBy,
        Instant decidedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
