package io.guildhall.event.attendance;

import io.guildhall.contracts.event.AttendanceCorrected;
import io.guildhall.contracts.event.AttendanceRecorded;
import io.guildhall.contracts.event.CheckInMethod;
import io.guildhall.event.coorganiser.CoOrganisers;
import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Check-ins. A first record is published as AttendanceRecorded; a later different number of minutes for the same
 * person, as AttendanceCorrected (never a silent edit). Repeating the same check-in changes nothing.
 */
@Service
public class AttendanceService {

    /**
     * Who gave whom minutes, and who took them back: one line per attendance written ({@code guildhall.audit}), with
     * the request's trace id in a structured log (see docs/operations.md).
     */
    private static final Logger AUDIT = LoggerFactory.getLogger("guildhall.audit");

    private final EventStore events;
    private final AttendanceStore attendance;
    private final Outbox outbox;
    private final Clock clock;

    private final CoOrganisers coOrganisers;

    public AttendanceService(EventStore events, AttendanceStore attendance, Outbox outbox, Clock clock,
                             CoOrganisers coOrganisers) {
        this.coOrganisers = coOrganisers;
        this.events = events;
        this.attendance = attendance;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Mono<AttendanceView> checkIn(UUID id, CheckInRequest request, CurrentPerson caller) {
        Instant now = clock.instant();
        if (request.personId() == null && request.code() != null) {
            return open(id, now).flatMap(event -> {
                if (!event.checkInCode().equalsIgnoreCase(request.code().trim())) {
                    return Mono.error(new InvalidFieldException("code", "is not this event's check-in code"));
                }
                if (request.minutes() != null) {
                    return Mono.error(new InvalidFieldException("minutes", "only the organiser adjusts minutes"));
                }
                if (event.organiserId().equals(caller.personId())) {
                    return Mono.error(new AccessDeniedException("The organiser does not check in to their own event:"
                            + " organising counts as organising time"));
                }
                Optional<String> closed = CheckInRules.selfRefusal(event, now);
                if (closed.isPresent()) {
                    return Mono.error(new ConflictException("code", "No check-in: " + closed.get()));
                }
                return attendance.find(id, caller.personId()).filter(a -> a.minutes() > 0)
                        .switchIfEmpty(Mono.defer(() -> record(event, caller.personId(), CheckInRules.selfMinutes(event, now),
                                CheckInMethod.SELF_CODE, caller.personId(), now)));
            });
        }
        if (request.personId() == null || request.personId().isBlank()) {
            return Mono.error(new InvalidFieldException("personId", "is required (or code, to check yourself in)"));
        }
        if (CheckInRules.isOwn(request.personId(), caller.personId())) {
            return Mono.error(new AccessDeniedException("Nobody records their own attendance"));
        }
        return organised(id, caller, now).flatMap(event -> record(event, request.personId(),
                CheckInRules.minutes(request.minutes(), event, "minutes"), CheckInMethod.ORGANISER, caller.personId(), now));
    }

    /** All or nothing: every entry is checked before anything is written. */
    @Transactional
    public Mono<List<AttendanceView>> checkInAll(UUID id, BulkCheckInRequest request, CurrentPerson caller) {
        Instant now = clock.instant();
        for (BulkCheckInRequest.Entry entry : request.attendees()) {
            if (CheckInRules.isOwn(entry.personId(), caller.personId())) {
                return Mono.error(new AccessDeniedException("Nobody records their own attendance"));
            }
        }
        return organised(id, caller, now).flatMap(event -> {
            List<BulkCheckInRequest.Entry> entries = request.attendees();
            int[] minutes = new int[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                minutes[i] = CheckInRules.minutes(entries.get(i).minutes(), event, "attendees[" + i + "].minutes");
            }
            return Flux.range(0, entries.size())
                    .concatMap(i -> record(event, entries.get(i).personId(), minutes[i], CheckInMethod.ORGANISER,
                            caller.personId(), now))
                    .collectList();
        });
    }

    /**
     * The view of those who run the event (its organiser, co-organisers, admins): everyone who answered or attended,
     * and the self check-in code.
     */
    public Mono<Attendees> attendees(UUID id, CurrentPerson caller) {
        return events.find(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + id)))
                .flatMap(event -> coOrganisers.runs(event, caller).flatMap(runs -> runs
                        ? attendance.attendees(id).collectList().map(people -> new Attendees(id, event.checkInCode(), people))
                        : Mono.error(new AccessDeniedException("Only the organiser and co-organisers see the attendees"))));
    }

    /** The organiser withdraws an attendance recorded by mistake: a correction to 0 minutes. */
    @Transactional
    public Mono<Void> withdraw(UUID id, String person, CurrentPerson caller) {
        Instant now = clock.instant();
        return organised(id, caller, now).flatMap(event -> attendance.find(id, person).filter(a -> a.minutes() > 0)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No attendance of " + person)))
                .flatMap(previous -> correct(event, previous, 0, caller.personId(), now))).then();
    }

    /** A cancelled event counts nothing: every attendance is corrected to 0 minutes, each correction published. */
    public Mono<Void> retractAll(Event event, String by, Instant now) {
        return attendance.counted(event.id()).concatMap(previous -> correct(event, previous, 0, by, now)).then();
    }

    /**
     * The attendance of an event imported from before Guildhall (event.history), in one statement: recorded as the
     * organiser's, by the admin who imported it, after the fact. The caller has checked the people (each once, none
     * recorded yet) and the minutes. Answers the AttendanceRecorded events, for the caller to append with the rest.
     */
    public Mono<List<AttendanceRecorded>> recordImported(Event event, Map<String, Integer> minutesByPerson, String admin,
                                                         Instant now) {
        List<AttendanceView> all = minutesByPerson.entrySet().stream().map(e -> new AttendanceView(event.id(), e.getKey(),
                e.getValue(), CheckInMethod.ORGANISER, now)).toList();
        return attendance.insertAll(event.id(), all, admin, now)
                .then(Mono.fromSupplier(() -> all.stream().map(a -> {
                    AUDIT.info("attendance recorded: event {} person {} minutes {} method {} by {} (history import)",
                            event.id(), a.personId(), a.minutes(), a.method(), admin);
                    return recorded(event, a, admin);
                }).toList()));
    }

    private static AttendanceRecorded recorded(Event event, AttendanceView a, String by) {
        return new AttendanceRecorded(event.id(), a.personId(), event.communityId(), event.type().name(),
                event.startsAt(), event.endsAt(), event.timeZone(), a.minutes(), a.method().name(), by, a.recordedAt(),
                event.recordedAfterTheFact());
    }

    private Mono<AttendanceView> record(Event event, String person, int minutes, CheckInMethod method, String by,
                                        Instant now) {
        return attendance.find(event.id(), person)
                // A withdrawn attendance (0 minutes) is none: checking the person in again records it anew, since a
                // correction states the minutes it replaces, and those are at least 1 (the event's schema).
                .filter(previous -> previous.minutes() > 0)
                .flatMap(previous -> previous.minutes() == minutes ? Mono.just(previous)
                        : correct(event, previous, minutes, by, now))
                .switchIfEmpty(Mono.defer(() -> {
                    AttendanceView recorded = new AttendanceView(event.id(), person, minutes, method, now);
                    return attendance.save(recorded, by)
                            .then(outbox.append(recorded(event, recorded, by)))
                            .doOnSuccess(done -> AUDIT.info("attendance recorded: event {} person {} minutes {} method {}"
                                    + " by {}", event.id(), person, minutes, method, by))
                            .thenReturn(recorded);
                }));
    }

    private Mono<AttendanceView> correct(Event event, AttendanceView previous, int minutes, String by, Instant now) {
        AttendanceView corrected = new AttendanceView(event.id(), previous.personId(), minutes, CheckInMethod.ORGANISER, now);
        return attendance.save(corrected, by)
                .then(outbox.append(new AttendanceCorrected(event.id(), previous.personId(), event.communityId(),
                        event.type().name(), event.startsAt(), event.endsAt(), event.timeZone(), previous.minutes(),
                        minutes, by, now)))
                .doOnSuccess(done -> AUDIT.info("attendance corrected: event {} person {} minutes {} -> {} by {}",
                        event.id(), previous.personId(), previous.minutes(), minutes, by))
                .thenReturn(corrected);
    }

    private Mono<Event> organised(UUID id, CurrentPerson caller, Instant now) {
        return open(id, now).flatMap(event -> coOrganisers.runs(event, caller).flatMap(runs -> runs
                ? Mono.just(event)
                : Mono.error(new AccessDeniedException("Only the organiser and co-organisers check people in"))));
    }

    /** The event, locked, if its check-in window is open. */
    private Mono<Event> open(UUID id, Instant now) {
        return events.lock(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + id)))
                .flatMap(event -> CheckInRules.refusal(event, now)
                        .<Mono<Event>>map(reason -> Mono.error(new ConflictException("No check-in: " + reason)))
                        .orElseGet(() -> Mono.just(event)));
    }
}
