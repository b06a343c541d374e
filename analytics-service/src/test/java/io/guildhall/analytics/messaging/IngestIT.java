package io.guildhall.analytics.messaging;

import io.guildhall.analytics.messaging.Samples.Meeting;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.report.Me;
import io.guildhall.analytics.report.MeReport;
import io.guildhall.contracts.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.guildhall.analytics.messaging.ReadModelRows.row;
import static io.guildhall.analytics.messaging.ReadModelRows.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every topic from a real Kafka broker into the read model in a real PostgreSQL: the rows each event type leaves. */
@MicronautTest(transactional = false)
class IngestIT extends IngestTestBase {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Inject
    MeterRegistry meters;
    @Inject
    Me me;

    @Test
    void person_events_build_an_effective_dated_profile() {
        String ada = Samples.person();
        topics.publish(Samples.registered(ada, "Engineering", "IC", "Berlin", 40, LocalDate.parse("2026-01-01"), T0),
                T0);
        topics.publish(Samples.profileChanged(ada, "Operations", "manager", "London", 32,
                LocalDate.parse("2026-03-01"), at(1)), at(1));
        topics.publish(Samples.deactivated(ada, LocalDate.parse("2026-06-01"), at(2)), at(2));

        db.awaitRows(List.of(
                row(ada, "2026-01-01", "Engineering", "IC", "Berlin", 40, "t", ts(T0)),
                row(ada, "2026-03-01", "Operations", "manager", "London", 32, "t", ts(at(1))),
                row(ada, "2026-06-01", "Operations", "manager", "London", 32, "f", ts(at(2)))),
                "SELECT * FROM person_profile WHERE person_id = ? ORDER BY effective_from", ada);
    }

    @Test
    void event_topic_builds_events_rsvps_no_shows_and_attended_minutes() {
        UUID community = UUID.randomUUID();
        // 23:30 UTC is already the next day in Berlin: the minutes belong to 3 March.
        Meeting m = Meeting.of(community, "TRAINING", Instant.parse("2026-03-02T23:30:00Z"), 90);
        String organiser = Samples.person();
        String going = Samples.person();
        String promoted = Samples.person();
        String declining = Samples.person();
        String absent = Samples.person();
        topics.publish(Samples.scheduled(m, organiser, 10, T0), T0);
        topics.publish(Samples.updated(m, "COMMUNITY_MEETUP", 12, at(1)), at(1));
        topics.publish(Samples.confirmed(m, going, at(2)), at(2));
        topics.publish(Samples.waitlisted(m, promoted, at(3)), at(3));
        topics.publish(Samples.promoted(m, promoted, at(4)), at(4));
        topics.publish(Samples.declined(m, declining, at(5)), at(5));
        topics.publish(Samples.confirmed(m, absent, at(6)), at(6));
        topics.publish(Samples.rsvpCancelled(m, going, at(7)), at(7));
        topics.publish(Samples.confirmed(m, going, at(8)), at(8));
        topics.publish(Samples.attended(m, going, 90, at(9)), at(9));
        topics.publish(Samples.attended(m, promoted, 90, at(10)), at(10));
        topics.publish(Samples.corrected(m, promoted, 90, 45, at(11)), at(11));
        topics.publish(Samples.noShow(m, absent, at(12)), at(12));

        db.awaitRows(List.of(
                row("ATTENDANCE", m.eventId() + "/" + going, going, "2026-03-03", "TRAINING", "TAKING", community,
                        m.eventId(), 90, ts(at(9)), ts(m.startsAt()), ts(m.endsAt())),
                row("ATTENDANCE", m.eventId() + "/" + promoted, promoted, "2026-03-03", "TRAINING", "TAKING",
                        community, m.eventId(), 45, ts(at(11)), ts(m.startsAt()), ts(m.endsAt()))),
                "SELECT * FROM participation WHERE event_id = ? ORDER BY person_id = ? DESC", m.eventId(), going);
        db.awaitRows(List.of(
                row(absent, "GOING", "t", ts(at(12))),
                row(declining, "NOT_GOING", "f", ts(at(5))),
                row(going, "GOING", "f", ts(at(8))),
                row(promoted, "GOING", "f", ts(at(4)))),
                "SELECT person_id, status, no_show, as_of FROM rsvp WHERE event_id = ?"
                        + " ORDER BY CASE person_id WHEN ? THEN 1 WHEN ? THEN 2 WHEN ? THEN 3 ELSE 4 END",
                m.eventId(), absent, declining, going);
        // The attendance copies repeat the scheduled facts and change nothing of a scheduled event.
        assertEquals(List.of(row(m.eventId(), community, "COMMUNITY_MEETUP", organiser, ts(m.startsAt()),
                        ts(m.endsAt()), Samples.ZONE, 12, "t", "f", ts(at(1)))),
                db.query("SELECT * FROM calendar_event WHERE event_id = ?", m.eventId()));

        Instant later = m.startsAt().plusSeconds(86400);
        topics.publish(Samples.rescheduled(m, later, later.plusSeconds(3600), at(13)), at(13));
        topics.publish(Samples.cancelled(m, at(14)), at(14));
        db.awaitRows(List.of(row(m.eventId(), community, "COMMUNITY_MEETUP", organiser, ts(later),
                        ts(later.plusSeconds(3600)), Samples.ZONE, 12, "t", "t", ts(at(14)))),
                "SELECT * FROM calendar_event WHERE event_id = ?", m.eventId());
    }

    @Test
    void membership_topic_keeps_roles_joins_and_leaves() {
        UUID community = UUID.randomUUID();
        String stays = Samples.person();
        String leaves = Samples.person();
        topics.publish(Samples.joined(community, stays, "MEMBER", T0), T0);
        topics.publish(Samples.roleChanged(community, stays, "MEMBER", "LEAD", at(1)), at(1));
        topics.publish(Samples.joined(community, leaves, "MEMBER", at(2)), at(2));
        topics.publish(Samples.left(community, leaves, at(3)), at(3));

        db.awaitRows(List.of(
                row(community, stays, "LEAD", ts(T0), null, ts(at(1))),
                row(community, leaves, "MEMBER", ts(at(2)), ts(at(3)), ts(at(3)))),
                "SELECT * FROM membership WHERE community_id = ? ORDER BY joined_at", community);
    }

    @Test
    void contribution_topic_logs_corrects_and_deletes_in_the_ledger() {
        UUID community = UUID.randomUUID();
        String person = Samples.person();
        UUID mentoring = UUID.randomUUID();
        UUID learning = UUID.randomUUID();
        LocalDate day = LocalDate.parse("2026-03-04");
        topics.publish(Samples.logged(mentoring, person, community, "MENTORING", "GIVING", day, 30, T0), T0);
        topics.publish(Samples.contributionCorrected(mentoring, person, community, "MENTORING", "GIVING", day, 45,
                at(1)), at(1));
        topics.publish(Samples.logged(learning, person, community, "LEARNING", "TAKING", day, 20, at(2)), at(2));
        topics.publish(Samples.contributionDeleted(learning, person, community, day, at(3)), at(3));

        db.awaitRows(List.of(
                row("CONTRIBUTION", mentoring, person, day, "MENTORING", "GIVING", community, null, 45, ts(at(1)),
                        null, null),
                row("CONTRIBUTION", learning, person, day, "LEARNING", "TAKING", community, null, 0, ts(at(3)),
                        null, null)),
                "SELECT * FROM participation WHERE person_id = ? ORDER BY minutes DESC", person);
    }

    @Test
    void community_topic_keeps_the_community_its_leads_and_goals() {
        UUID community = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        String founder = Samples.person();
        String colead = Samples.person();
        topics.publish(Samples.founded(community, "Rust Guild", founder, T0), T0);
        topics.publish(Samples.communityUpdated(community, "Rust and Zig Guild", at(1)), at(1));
        topics.publish(Samples.leadAssigned(community, colead, at(2)), at(2));
        topics.publish(Samples.leadRemoved(community, colead, at(3)), at(3));
        topics.publish(Samples.goalSet(community, goal, "Ten sessions", LocalDate.parse("2026-06-30"), at(4)), at(4));
        topics.publish(Samples.goalUpdated(community, goal, "Ten hours", LocalDate.parse("2026-07-31"), at(5)), at(5));
        topics.publish(Samples.goalStatusChanged(community, goal, "ON_TRACK", "AT_RISK", at(6)), at(6));
        topics.publish(Samples.archived(community, at(7)), at(7));

        db.awaitRows(List.of(row(community, "c-" + community, "Rust and Zig Guild", "java", "REQUEST_TO_JOIN",
                        founder, ts(T0), ts(at(7)), 3, "t")),
                "SELECT * FROM community WHERE id = ?", community);
        assertEquals(List.of(row(founder, "t", ts(T0)), row(colead, "f", ts(at(3)))),
                db.query("SELECT person_id, active, as_of FROM community_lead WHERE community_id = ? ORDER BY as_of",
                        community));
        assertEquals(List.of(row(goal, community, "Ten hours", "HOURS_INVESTED", "2026-07-31", "AT_RISK", ts(at(6)))),
                db.query("SELECT * FROM goal WHERE goal_id = ?", goal));
    }

    /**
     * Rules 4 and 5 from the topic to the report: a three-day conference keeps its hours in the ledger, a redelivery
     * changes nothing, a correction replaces the minutes, and the "me" report counts at most a working day per day
     * with the rest shown as not counted.
     */
    @Test
    void a_conference_is_counted_per_day_within_the_days_cap_after_a_redelivery_and_a_correction() {
        UUID community = UUID.randomUUID();
        String person = Samples.person();
        topics.publish(Samples.registered(person, "Engineering", "IC", "Berlin", 40, LocalDate.parse("2026-01-01"),
                T0), T0);
        // Monday 16 March 2026 09:00 to Wednesday 18th 17:00, Berlin (UTC+1): 3,360 minutes.
        Meeting conference = Meeting.of(community, "CONFERENCE", Instant.parse("2026-03-16T08:00:00Z"), 3360);
        CloudEventHeaders first = topics.publish(Samples.attended(conference, person, 3360, at(1)), at(1));
        topics.publish(Samples.attended(conference, person, 3360, at(1)), first);
        topics.publish(Samples.corrected(conference, person, 3360, 3000, at(2)), at(2));

        db.awaitRows(List.of(row("2026-03-16", 3000, ts(conference.startsAt()), ts(conference.endsAt()))),
                "SELECT on_date, minutes, starts_at, ends_at FROM participation WHERE person_id = ?", person);
        assertEquals(List.of(row(1)), db.query("SELECT count(*) FROM processed_event WHERE event_id = ?",
                first.id()));

        // The last 3,000 minutes: Monday 15:00-24:00 (window 15-20 = 300), Tuesday (780), Wednesday 0-17 (600).
        // Counted: 300 + 480 + 480 = 1,260. Over the day's work time: 300 + 120 = 420. Nights: 3,000 - 1,680 = 1,320.
        MeReport report = me.report(person, Period.week(LocalDate.parse("2026-03-16")), LocalDate.parse("2026-03-20"));
        assertEquals(2400, report.workMinutes());
        assertEquals(1260, report.participationMinutes());
        assertEquals(List.of(new MeReport.UncountedMinutes("OUTSIDE_WORKING_HOURS", 1320),
                new MeReport.UncountedMinutes("OVER_THE_DAYS_WORK_TIME", 420)), report.uncounted());
        assertEquals(List.of(new MeReport.CategoryMinutes("CONFERENCE", 1260)), report.byCategory());
        // 17 % of 2,400 = 408: 1,260 is 852 minutes above it.
        assertEquals(408, report.targetMinutes());
        assertEquals(-852, report.minutesToTarget());
    }

    /**
     * Rule 1b: the organiser's own time is organising (a GIVING contribution kind) for the event's length, once the
     * event has ended with someone else checked in; a cancellation takes it back with the attendance (rule 8).
     */
    @Test
    void an_organiser_gets_organising_time_for_an_event_that_took_place_with_someone_else_checked_in() {
        UUID community = UUID.randomUUID();
        String organiser = Samples.person();
        String attendee = Samples.person();
        String lonely = Samples.person();
        topics.publish(Samples.registered(organiser, "Engineering", "IC", "Berlin", 40, LocalDate.parse("2026-01-01"),
                T0), T0);
        topics.publish(Samples.registered(lonely, "Engineering", "IC", "Berlin", 40, LocalDate.parse("2026-01-01"),
                T0), T0);
        // Tuesday 10 March 2026, 10:00-12:00 Berlin.
        Meeting held = Meeting.of(community, "TRAINING", Instant.parse("2026-03-10T09:00:00Z"), 120);
        topics.publish(Samples.scheduled(held, organiser, 10, at(1)), at(1));
        topics.publish(Samples.attended(held, attendee, 120, at(2)), at(2));
        // Lonely's event had nobody checked in: no organising time.
        Meeting empty = Meeting.of(community, "TRAINING", Instant.parse("2026-03-11T09:00:00Z"), 120);
        topics.publish(Samples.scheduled(empty, lonely, 10, at(3)), at(3));
        db.awaitRows(List.of(row(1)), "SELECT count(*) FROM participation WHERE event_id = ?", held.eventId());
        db.awaitRows(List.of(row(1)), "SELECT count(*) FROM calendar_event WHERE event_id = ?", empty.eventId());

        Period week = Period.week(LocalDate.parse("2026-03-09"));
        MeReport report = me.report(organiser, week, LocalDate.parse("2026-03-13"));
        assertEquals(List.of(new MeReport.CategoryMinutes("ORGANISING", 120)), report.byCategory());
        assertEquals(120, report.giveTake().givingMinutes());
        assertEquals(0, me.report(lonely, week, LocalDate.parse("2026-03-13")).participationMinutes());

        topics.publish(Samples.cancelled(held, at(4)), at(4));
        ReadModelRows.await(() -> me.report(organiser, week, LocalDate.parse("2026-03-13")).participationMinutes(),
                0L);
    }

    /** Rule 10: an event moved to a start that had already passed is after the fact, as if scheduled so. */
    @Test
    void an_event_moved_into_the_past_is_recorded_after_the_fact() {
        UUID community = UUID.randomUUID();
        Meeting onTime = Meeting.of(community, "TRAINING", Instant.parse("2026-03-09T09:00:00Z"), 60);
        Meeting moved = Meeting.of(community, "TRAINING", Instant.parse("2026-03-09T09:00:00Z"), 60);
        topics.publish(Samples.scheduled(onTime, Samples.person(), 10, T0), T0);
        topics.publish(Samples.scheduled(moved, Samples.person(), 10, T0), T0);
        // T0 is 2 March 08:00; one is moved to 1 March, the other to later on the 2nd.
        topics.publish(Samples.rescheduled(moved, Instant.parse("2026-03-01T09:00:00Z"),
                Instant.parse("2026-03-01T10:00:00Z"), at(10)), at(10));
        topics.publish(Samples.rescheduled(onTime, Instant.parse("2026-03-02T12:00:00Z"),
                Instant.parse("2026-03-02T13:00:00Z"), at(10)), at(10));

        // An event under way (started 08:05) whose end is moved at 08:30: its start stays, it is not after the fact.
        Meeting extended = Meeting.of(community, "TRAINING", Instant.parse("2026-03-02T08:05:00Z"), 60);
        topics.publish(Samples.scheduled(extended, Samples.person(), 10, T0), T0);
        topics.publish(Samples.rescheduled(extended, extended.startsAt(), extended.endsAt().plusSeconds(1800), at(30)),
                at(30));

        db.awaitRows(List.of(row(moved.eventId())), "SELECT event_id FROM after_the_fact_event WHERE event_id IN (?, ?)",
                moved.eventId(), onTime.eventId());
        db.awaitRows(List.of(row(ts(Instant.parse("2026-03-02T12:00:00Z")))),
                "SELECT starts_at FROM calendar_event WHERE event_id = ?", onTime.eventId());
        db.awaitRows(List.of(row(ts(extended.endsAt().plusSeconds(1800)))),
                "SELECT ends_at FROM calendar_event WHERE event_id = ?", extended.eventId());
        assertEquals(List.of(row(moved.eventId())), db.query(
                "SELECT event_id FROM after_the_fact_event WHERE event_id IN (?, ?, ?)", moved.eventId(),
                onTime.eventId(), extended.eventId()));
    }

    @Test
    void a_redelivered_event_is_applied_once() {
        UUID community = UUID.randomUUID();
        topics.publish(Samples.founded(community, "Go Guild", Samples.person(), T0), T0);
        CloudEventHeaders update = topics.publish(Samples.communityUpdated(community, "Go Gophers", at(1)), at(1));
        db.awaitRows(List.of(row("Go Gophers", 2)), "SELECT name, version FROM community WHERE id = ?", community);
        double duplicatesBefore = count("duplicate");

        topics.publish(Samples.communityUpdated(community, "Go Gophers", at(1)), update);
        UUID marker = UUID.randomUUID();
        topics.publish(Samples.founded(marker, "Marker", Samples.person(), T0), T0);
        db.awaitRows(List.of(row("Marker")), "SELECT name FROM community WHERE id = ?", marker);

        assertEquals(List.of(row("Go Gophers", 2)),
                db.query("SELECT name, version FROM community WHERE id = ?", community), "applied once");
        assertEquals(List.of(row(1)), db.query("SELECT count(*) FROM processed_event WHERE event_id = ?",
                update.id()));
        assertTrue(count("duplicate") > duplicatesBefore, "the redelivery was seen and skipped");
    }

    @Test
    void the_reports_freshness_is_measured_from_the_time_of_each_change() {
        Timer delay = meters.get(BatchConsumer.REPORT_DELAY_METRIC).timer();
        long before = delay.count();
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        UUID community = UUID.randomUUID();

        topics.publish(Samples.founded(community, "Late Guild", Samples.person(), twoHoursAgo), twoHoursAgo);
        db.awaitRows(List.of(row("Late Guild")), "SELECT name FROM community WHERE id = ?", community);

        assertTrue(delay.count() > before, "the applied change was timed");
        assertTrue(delay.max(TimeUnit.SECONDS) >= Duration.ofHours(2).toSeconds(),
                "counted two hours after it happened: " + delay.max(TimeUnit.SECONDS) + " s");
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private double count(String outcome) {
        return meters.find(BatchConsumer.RECORDS_METRIC).tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
