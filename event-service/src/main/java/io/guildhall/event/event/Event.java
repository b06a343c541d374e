package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.guildhall.contracts.event.EventScheduled;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.InvalidFieldException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An event as stored. {@code checkInCode} is the organiser's secret for self check-in, never shown to attendees. */
public record Event(
        UUID id,
        UUID seriesId,
        String title,
        String description,
        EventCategory type,
        EventFormat format,
        String location,
        String onlineUrl,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Integer capacity,
        Instant rsvpDeadline,
        String organiserId,
        UUID communityId,
        EventStatus status,
        String checkInCode,
        int sequence,
        Instant createdAt,
        Instant updatedAt,
        boolean afterTheFact) {

    public static Event schedule(UUID id, EventDetails details, String organiser, String checkInCode, Instant now) {
        EventRules.check(details.startsAt(), details.endsAt(), details.rsvpDeadline(), details.timeZone(),
                details.format(), details.location(), details.onlineUrl());
        String zone = EventRules.zone(details.timeZone());
        return new Event(id, null, details.title().trim(), blankToNull(details.description()), details.type(),
                details.format(), blankToNull(details.location()), blankToNull(details.onlineUrl()), details.startsAt(),
                details.endsAt(), zone, details.capacity(), details.rsvpDeadline(), organiser, details.communityId(),
                EventStatus.SCHEDULED, checkInCode, 0, now, now, EventRules.startsInThePast(details.startsAt(), now));
    }

    /** The event after an organiser's edit, checked as a whole; its revision (SEQUENCE) is raised. */
    public Event edit(EventChange change, Instant now) {
        if (change.title() != null && change.title().isBlank()) {
            throw new InvalidFieldException("title", "must not be blank");
        }
        Instant starts = or(change.startsAt(), startsAt);
        Instant ends = or(change.endsAt(), endsAt);
        Instant deadline = or(change.rsvpDeadline(), rsvpDeadline);
        EventFormat newFormat = or(change.format(), format);
        String newLocation = change.location() == null ? location : blankToNull(change.location());
        String newLink = change.onlineUrl() == null ? onlineUrl : blankToNull(change.onlineUrl());
        EventRules.check(starts, ends, deadline, change.timeZone() == null ? timeZone : change.timeZone(), newFormat,
                newLocation, newLink);
        String zone = change.timeZone() == null ? timeZone : EventRules.zone(change.timeZone());
        return new Event(id, seriesId, change.title() == null ? title : change.title().trim(),
                change.description() == null ? description : blankToNull(change.description()),
                or(change.type(), type), newFormat, newLocation, newLink, starts, ends, zone,
                or(change.capacity(), capacity), deadline, organiserId, communityId, status, checkInCode, sequence + 1,
                createdAt, now, afterTheFact || !starts.equals(startsAt) && EventRules.startsInThePast(starts, now));
    }

    /** Another occurrence of this event's series, starting at {@code start}; length and RSVP lead time kept. */
    public Event occurrence(UUID newId, UUID series, Instant start, String newCheckInCode) {
        Duration shift = Duration.between(startsAt, start);
        return new Event(newId, series, title, description, type, format, location, onlineUrl, start, endsAt.plus(shift),
                timeZone, capacity, rsvpDeadline == null ? null : rsvpDeadline.plus(shift), organiserId, communityId,
                status, newCheckInCode, sequence, createdAt, updatedAt, EventRules.startsInThePast(start, createdAt));
    }

    public Event cancel(Instant now) {
        return new Event(id, seriesId, title, description, type, format, location, onlineUrl, startsAt, endsAt, timeZone,
                capacity, rsvpDeadline, organiserId, communityId, EventStatus.CANCELLED, checkInCode, sequence + 1,
                createdAt, now, afterTheFact);
    }

    public boolean isRescheduledFrom(Event before) {
        return !startsAt.equals(before.startsAt) || !endsAt.equals(before.endsAt) || !timeZone.equals(before.timeZone);
    }

    public boolean detailsDifferFrom(Event before) {
        return !Objects.equals(List.of(title, type, format), List.of(before.title, before.type, before.format))
                || !Objects.equals(description, before.description)
                || !Objects.equals(location, before.location)
                || !Objects.equals(onlineUrl, before.onlineUrl)
                || !Objects.equals(capacity, before.capacity)
                || !Objects.equals(rsvpDeadline, before.rsvpDeadline);
    }

    public EventScheduled scheduled() {
        return new EventScheduled(id, seriesId, title, description, type.name(), format.name(), startsAt, endsAt,
                timeZone, location, onlineUrl, capacity, rsvpDeadline, organiserId, communityId, createdAt,
                recordedAfterTheFact());
    }

    /**
     * Scheduled after it had started, or moved to a start that had passed (by a lead, an admin or the events team):
     * its attendance too is after the fact. Kept once set.
     */
    public boolean recordedAfterTheFact() {
        return afterTheFact;
    }

    public long lengthInMinutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    /**
     * Whether {@code caller} may manage this event: change it, see its attendees, check people in. Its organiser
     * may, and so may an admin.
     */
    public boolean isOrganisedBy(CurrentPerson caller) {
        return organiserId.equals(caller.personId()) || caller.isAdmin();
    }

    /** Why nobody may RSVP to this event now, if so. */
    public Optional<String> rsvpRefusal(Instant now) {
        if (status == EventStatus.CANCELLED) {
            return Optional.of("the event is cancelled");
        }
        if (!now.isBefore(startsAt)) {
            return Optional.of("the event has started");
        }
        if (rsvpDeadline != null && now.isAfter(rsvpDeadline)) {
            return Optional.of("the RSVP deadline has passed");
        }
        return Optional.empty();
    }

    private static <T> T or(T changed, T current) {
        return changed == null ? current : changed;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The same event without its online link, for a reader outside it ({@link WhoSees}). */
    public Event withoutOnlineUrl() {
        return new Event(id, seriesId, title, description, type, format, location, null, startsAt, endsAt, timeZone,
                capacity, rsvpDeadline, organiserId, communityId, status, checkInCode, sequence, createdAt, updatedAt,
                afterTheFact);
    }
}
