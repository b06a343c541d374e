package io.guildhall.analytics.event;

import io.guildhall.analytics.messaging.AsOf;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A calendar event as the read model keeps it, and how each kind of event changes it. RSVPs, attendance and
 * no-shows carry the event's community, category and times, so they create the row when they arrive before
 * EventScheduled ({@code scheduled = false}); a scheduling that arrives later completes it.
 */
public record CalendarEventRow(UUID eventId, UUID communityId, String category, String organiserId, Instant startsAt,
                               Instant endsAt, String timeZone, Integer capacity, boolean scheduled, boolean cancelled,
                               Instant asOf) {

    /** EventScheduled: the whole event. */
    public static Optional<CalendarEventRow> afterScheduled(Optional<CalendarEventRow> current,
                                                            CalendarEventRow incoming) {
        if (current.isEmpty()) {
            return Optional.of(incoming);
        }
        CalendarEventRow row = current.get();
        if (!AsOf.isStale(row.asOf(), incoming.asOf())) {
            return changed(row, new CalendarEventRow(incoming.eventId(), incoming.communityId(), incoming.category(),
                    incoming.organiserId(), incoming.startsAt(), incoming.endsAt(), incoming.timeZone(),
                    incoming.capacity(), true, row.cancelled() || incoming.cancelled(), incoming.asOf()));
        }
        return changed(row, row.filledFrom(incoming, true));
    }

    /**
     * What an RSVP, attendance or no-show says of its event. It never overrides a scheduled event (EventScheduled and
     * its successors are the authority); on an event only known from such copies, the newest copy wins.
     */
    public static Optional<CalendarEventRow> afterCopy(Optional<CalendarEventRow> current, CalendarEventRow copy) {
        if (current.isEmpty()) {
            return Optional.of(copy);
        }
        CalendarEventRow row = current.get();
        if (!row.scheduled() && !AsOf.isStale(row.asOf(), copy.asOf())) {
            return changed(row, new CalendarEventRow(row.eventId(), copy.communityId(), copy.category(),
                    row.organiserId(), copy.startsAt(), copy.endsAt(), copy.timeZone(), row.capacity(), false,
                    row.cancelled(), copy.asOf()));
        }
        return changed(row, row.filledFrom(copy, row.scheduled()));
    }

    /** EventRescheduled: new times (and the community, when it names one). */
    public static Optional<CalendarEventRow> afterRescheduled(Optional<CalendarEventRow> current, UUID eventId,
                                                              UUID communityId, Instant startsAt, Instant endsAt,
                                                              String timeZone, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.of(new CalendarEventRow(eventId, communityId, null, null, startsAt, endsAt, timeZone, null,
                    false, false, asOf));
        }
        CalendarEventRow row = current.get();
        if (AsOf.isStale(row.asOf(), asOf)) {
            return changed(row, row.filledFrom(new CalendarEventRow(eventId, communityId, null, null, startsAt, endsAt,
                    timeZone, null, false, false, asOf), row.scheduled()));
        }
        return changed(row, new CalendarEventRow(eventId, communityId != null ? communityId : row.communityId(),
                row.category(), row.organiserId(), startsAt, endsAt, timeZone, row.capacity(), row.scheduled(),
                row.cancelled(), asOf));
    }

    /** EventUpdated: category, community and capacity (null = unlimited); nothing to do for an unknown event. */
    public static Optional<CalendarEventRow> afterUpdated(Optional<CalendarEventRow> current, UUID communityId,
                                                          String category, Integer capacity, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        CalendarEventRow row = current.get();
        if (AsOf.isStale(row.asOf(), asOf)) {
            return changed(row, new CalendarEventRow(row.eventId(), first(row.communityId(), communityId),
                    first(row.category(), category), row.organiserId(), row.startsAt(), row.endsAt(), row.timeZone(),
                    first(row.capacity(), capacity), row.scheduled(), row.cancelled(), row.asOf()));
        }
        return changed(row, new CalendarEventRow(row.eventId(), communityId, category, row.organiserId(),
                row.startsAt(), row.endsAt(), row.timeZone(), capacity, row.scheduled(), row.cancelled(), asOf));
    }

    /** EventCancelled: for good, whatever arrives later; nothing to do for an unknown event (it has no times). */
    public static Optional<CalendarEventRow> afterCancelled(Optional<CalendarEventRow> current, Instant asOf) {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        CalendarEventRow row = current.get();
        return changed(row, new CalendarEventRow(row.eventId(), row.communityId(), row.category(), row.organiserId(),
                row.startsAt(), row.endsAt(), row.timeZone(), row.capacity(), row.scheduled(), true,
                AsOf.latest(row.asOf(), asOf)));
    }

    /** This row with what it does not know yet taken from an older event. */
    private CalendarEventRow filledFrom(CalendarEventRow older, boolean nowScheduled) {
        return new CalendarEventRow(eventId, first(communityId, older.communityId()), first(category, older.category()),
                first(organiserId, older.organiserId()), startsAt, endsAt, timeZone, first(capacity, older.capacity()),
                nowScheduled, cancelled || older.cancelled(), asOf);
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static Optional<CalendarEventRow> changed(CalendarEventRow before, CalendarEventRow after) {
        return Objects.equals(before, after) ? Optional.empty() : Optional.of(after);
    }
}
