package io.guildhall.analytics.event;

import io.guildhall.analytics.jdbc.Prefetch;
import io.guildhall.analytics.messaging.TopicHandler;
import io.guildhall.analytics.participation.LedgerRow;
import io.guildhall.analytics.participation.LedgerSource;
import io.guildhall.analytics.participation.ParticipationLedger;
import io.guildhall.analytics.person.Erasures;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.contribution.ContributionDirection;
import io.guildhall.contracts.event.AttendanceCorrected;
import io.guildhall.contracts.event.AttendanceRecorded;
import io.guildhall.contracts.event.EventCancelled;
import io.guildhall.contracts.event.EventRescheduled;
import io.guildhall.contracts.event.EventScheduled;
import io.guildhall.contracts.event.EventUpdated;
import io.guildhall.contracts.event.NoShowRecorded;
import io.guildhall.contracts.event.RsvpCancelled;
import io.guildhall.contracts.event.RsvpConfirmed;
import io.guildhall.contracts.event.RsvpDeclined;
import io.guildhall.contracts.event.RsvpWaitlisted;
import io.guildhall.contracts.event.WaitlistPromoted;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The event topic: events held, RSVPs and no-shows, and attended minutes into the ledger (TAKING, the event's
 * category and community, dated the day the event starts in the organisation's time zone, with the event's start and
 * end so that the reports split it into the person's days). Reminders are not kept.
 */
@Factory
@SerdeImport(EventScheduled.class)
@SerdeImport(EventUpdated.class)
@SerdeImport(EventRescheduled.class)
@SerdeImport(EventCancelled.class)
@SerdeImport(RsvpConfirmed.class)
@SerdeImport(RsvpDeclined.class)
@SerdeImport(RsvpWaitlisted.class)
@SerdeImport(WaitlistPromoted.class)
@SerdeImport(RsvpCancelled.class)
@SerdeImport(AttendanceRecorded.class)
@SerdeImport(AttendanceCorrected.class)
@SerdeImport(NoShowRecorded.class)
public class EventHandlers {

    private final CalendarStore calendar;
    private final ParticipationLedger ledger;
    private final Erasures erasures;
    private final ZoneId organisationZone;

    public EventHandlers(CalendarStore calendar, ParticipationLedger ledger, Erasures erasures,
                            @Value("${guildhall.analytics.time-zone}") String organisationZone) {
        this.calendar = calendar;
        this.ledger = ledger;
        this.erasures = erasures;
        this.organisationZone = ZoneId.of(organisationZone);
    }

    @Singleton
    TopicHandler<EventScheduled> eventScheduled() {
        return TopicHandler.batched(EventCatalog.EVENT_SCHEDULED, (event, prefetch) -> {
                    prefetch.person(event.organiserId());
                    calendar.prefetchEvent(prefetch, event.eventId());
                },
                (event, headers, transaction) -> {
            String organiser = erasures.resolve(transaction, event.organiserId());
            CalendarEventRow scheduled = new CalendarEventRow(event.eventId(), event.communityId(), event.category(),
                    organiser, event.startsAt(), event.endsAt(), event.timeZone(), event.capacity(), true, false,
                    headers.time());
            calendar.changeEvent(transaction, event.eventId(), row -> CalendarEventRow.afterScheduled(row, scheduled));
            if (Boolean.TRUE.equals(event.recordedAfterTheFact())
                    || AfterTheFact.startedBefore(event.startsAt(), headers.time())) {
                calendar.recordedAfterTheFact(transaction, event.eventId(), headers.time());
            }
        });
    }

    @Singleton
    TopicHandler<EventUpdated> eventUpdated() {
        return TopicHandler.batched(EventCatalog.EVENT_UPDATED, (event, prefetch) -> calendar.prefetchEvent(prefetch, event.eventId()),
                (event, headers, transaction) ->
                calendar.changeEvent(transaction, event.eventId(), row -> CalendarEventRow.afterUpdated(row,
                        event.communityId(), event.category(), event.capacity(), headers.time())));
    }

    @Singleton
    TopicHandler<EventRescheduled> eventRescheduled() {
        return TopicHandler.batched(EventCatalog.EVENT_RESCHEDULED, (event, prefetch) -> calendar.prefetchEvent(prefetch, event.eventId()),
                (event, headers, transaction) -> {
            calendar.changeEvent(transaction, event.eventId(), row -> CalendarEventRow.afterRescheduled(row,
                    event.eventId(), event.communityId(), event.startsAt(), event.endsAt(), event.timeZone(),
                    headers.time()));
            // Moved to a start that had already passed: after the fact too (rule 10). Only a new start: an event
            // under way whose end is moved has not been recorded after the fact.
            if (!event.startsAt().equals(event.previousStartsAt())
                    && AfterTheFact.startedBefore(event.startsAt(), headers.time())) {
                calendar.recordedAfterTheFact(transaction, event.eventId(), headers.time());
            }
        });
    }

    @Singleton
    TopicHandler<EventCancelled> eventCancelled() {
        return TopicHandler.batched(EventCatalog.EVENT_CANCELLED, (event, prefetch) -> calendar.prefetchEvent(prefetch, event.eventId()),
                (event, headers, transaction) ->
                calendar.changeEvent(transaction, event.eventId(),
                        row -> CalendarEventRow.afterCancelled(row, headers.time())));
    }

    @Singleton
    TopicHandler<RsvpConfirmed> rsvpConfirmed() {
        return TopicHandler.batched(EventCatalog.RSVP_CONFIRMED, (event, prefetch) -> answering(prefetch, event.eventId(), event.personId()),
                (event, headers, transaction) -> {
            answer(transaction, event.eventId(), event.personId(), RsvpRow.GOING, headers.time());
            copy(transaction, event.eventId(), event.communityId(), event.category(), event.startsAt(), event.endsAt(),
                    event.timeZone(), headers.time());
        });
    }

    @Singleton
    TopicHandler<WaitlistPromoted> waitlistPromoted() {
        return TopicHandler.batched(EventCatalog.WAITLIST_PROMOTED, (event, prefetch) -> answering(prefetch, event.eventId(), event.personId()),
                (event, headers, transaction) -> {
            answer(transaction, event.eventId(), event.personId(), RsvpRow.GOING, headers.time());
            copy(transaction, event.eventId(), event.communityId(), event.category(), event.startsAt(), event.endsAt(),
                    event.timeZone(), headers.time());
        });
    }

    @Singleton
    TopicHandler<RsvpDeclined> rsvpDeclined() {
        return TopicHandler.batched(EventCatalog.RSVP_DECLINED, (event, prefetch) -> answering(prefetch, event.eventId(), event.personId()),
                (event, headers, transaction) ->
                answer(transaction, event.eventId(), event.personId(), RsvpRow.NOT_GOING, headers.time()));
    }

    @Singleton
    TopicHandler<RsvpWaitlisted> rsvpWaitlisted() {
        return TopicHandler.batched(EventCatalog.RSVP_WAITLISTED, (event, prefetch) -> answering(prefetch, event.eventId(), event.personId()),
                (event, headers, transaction) ->
                answer(transaction, event.eventId(), event.personId(), RsvpRow.WAITLISTED, headers.time()));
    }

    @Singleton
    TopicHandler<RsvpCancelled> rsvpCancelled() {
        return TopicHandler.batched(EventCatalog.RSVP_CANCELLED, (event, prefetch) -> answering(prefetch, event.eventId(), event.personId()),
                (event, headers, transaction) ->
                answer(transaction, event.eventId(), event.personId(), RsvpRow.CANCELLED, headers.time()));
    }

    @Singleton
    TopicHandler<NoShowRecorded> noShowRecorded() {
        return TopicHandler.batched(EventCatalog.NO_SHOW_RECORDED, (event, prefetch) -> answering(prefetch, event.eventId(), event.personId()),
                (event, headers, transaction) -> {
            String person = erasures.resolve(transaction, event.personId());
            calendar.changeRsvp(transaction, event.eventId(), person,
                    row -> RsvpRow.afterNoShow(row, event.eventId(), person, headers.time()));
            copy(transaction, event.eventId(), event.communityId(), event.category(), event.startsAt(), event.endsAt(),
                    event.timeZone(), headers.time());
        });
    }

    @Singleton
    TopicHandler<AttendanceRecorded> attendanceRecorded() {
        return TopicHandler.batched(EventCatalog.ATTENDANCE_RECORDED, (event, prefetch) -> attending(prefetch, event.eventId(), event.personId()),
                (event, headers, transaction) -> {
            if (Boolean.TRUE.equals(event.recordedAfterTheFact())) {
                calendar.recordedAfterTheFact(transaction, event.eventId(), headers.time());
            }
            attend(transaction, event.eventId(), event.personId(), event.communityId(), event.category(),
                    event.startsAt(), event.endsAt(), event.minutes(), headers.time());
            copy(transaction, event.eventId(), event.communityId(), event.category(), event.startsAt(), event.endsAt(),
                    event.timeZone(), headers.time());
        });
    }

    /** The new minutes replace the recorded ones; 0 withdraws the attendance (the row stays, with 0). */
    @Singleton
    TopicHandler<AttendanceCorrected> attendanceCorrected() {
        return TopicHandler.batched(EventCatalog.ATTENDANCE_CORRECTED, (event, prefetch) -> attending(prefetch, event.eventId(), event.personId()),
                (event, headers, transaction) -> {
            attend(transaction, event.eventId(), event.personId(), event.communityId(), event.category(),
                    event.startsAt(), event.endsAt(), event.minutes(), headers.time());
            copy(transaction, event.eventId(), event.communityId(), event.category(), event.startsAt(), event.endsAt(),
                    event.timeZone(), headers.time());
        });
    }

    /** What an answer (and its copy of the event) reads. */
    private void answering(Prefetch prefetch, UUID eventId, String personId) {
        calendar.prefetchRsvp(prefetch, eventId, personId);
        calendar.prefetchEvent(prefetch, eventId);
    }

    /** What an attendance (and its copy of the event) reads. */
    private void attending(Prefetch prefetch, UUID eventId, String personId) {
        prefetch.person(personId);
        ledger.prefetch(prefetch, LedgerSource.ATTENDANCE,
                stored -> LedgerRow.attendanceId(eventId, stored.apply(personId)));
        calendar.prefetchEvent(prefetch, eventId);
    }

    private void answer(Connection transaction, UUID eventId, String personId, String status, Instant asOf)
            throws SQLException {
        String person = erasures.resolve(transaction, personId);
        calendar.changeRsvp(transaction, eventId, person, row -> RsvpRow.afterAnswer(row, eventId, person, status, asOf));
    }

    private void attend(Connection transaction, UUID eventId, String personId, UUID communityId, String category,
                        Instant startsAt, Instant endsAt, int minutes, Instant asOf) throws SQLException {
        String person = erasures.resolve(transaction, personId);
        ledger.apply(transaction, new LedgerRow(LedgerSource.ATTENDANCE, LedgerRow.attendanceId(eventId, person),
                person, AttendanceDates.onDate(startsAt, organisationZone), category, ContributionDirection.TAKING, communityId,
                eventId, minutes, asOf, startsAt, endsAt));
    }

    private void copy(Connection transaction, UUID eventId, UUID communityId, String category, Instant startsAt,
                      Instant endsAt, String timeZone, Instant asOf) throws SQLException {
        CalendarEventRow copy = new CalendarEventRow(eventId, communityId, category, null, startsAt, endsAt, timeZone,
                null, false, false, asOf);
        calendar.changeEvent(transaction, eventId, row -> CalendarEventRow.afterCopy(row, copy));
    }
}
