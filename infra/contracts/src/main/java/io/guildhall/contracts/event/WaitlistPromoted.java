package io.guildhall.contracts.event;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code guildhall.event.waitlist-promoted.v1}: a seat freed and the first person on the waitlist got it automatically; they are now GOING. */
public record WaitlistPromoted(
        UUID eventId,
        String personId,
        @Nullable UUID communityId,
        @EnumValues(EventCategory.class) String category,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Instant promotedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return eventId.toString();
    }
}
