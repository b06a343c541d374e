package io.guildhall.analytics.rebuild;

import io.guildhall.analytics.messaging.GuildhallTopics;
import io.guildhall.analytics.messaging.Samples;
import io.guildhall.analytics.messaging.Samples.Meeting;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A realistic stretch of every topic: people joining and changing department, communities with leads and goals,
 * events with RSVPs, check-ins, corrections and no-shows, contributions logged, corrected and deleted, an erasure,
 * events in the wrong order, a redelivery and a record that is no event at all.
 */
final class ReplayStream {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    final UUID guild = UUID.randomUUID();
    final UUID club = UUID.randomUUID();
    private final GuildhallTopics topics;
    private final String firstPerson;
    private final List<String> appliedIds = new ArrayList<>();
    private int minute;

    /** @param firstPerson the founder of the guild, who attends, mentors and is never erased: a demo user's id */
    ReplayStream(GuildhallTopics topics, String firstPerson) {
        this.topics = topics;
        this.firstPerson = firstPerson;
    }

    /** @return the ce_ids the consumer records as processed (every valid, distinct event) */
    List<String> publish() {
        List<String> people = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            int i = n;
            String person = i == 0 ? firstPerson : Samples.person();
            people.add(person);
            send(at -> Samples.registered(person, i % 2 == 0 ? "Engineering" : "Sales", i < 3 ? "IC" : "manager",
                    i % 3 == 0 ? "Berlin" : "London", i == 2 ? 20 : 40, LocalDate.parse("2026-01-01"), at));
        }
        send(at -> Samples.profileChanged(people.get(1), "Engineering", "IC", "London", 32,
                LocalDate.parse("2026-03-15"), at));
        send(at -> Samples.founded(guild, "Platform Guild", people.get(0), at));
        send(at -> Samples.founded(club, "Running Club", people.get(1), at));
        send(at -> Samples.communityUpdated(club, "Running and Cycling Club", at));
        send(at -> Samples.leadAssigned(guild, people.get(2), at));
        UUID goal = UUID.randomUUID();
        send(at -> Samples.goalSet(guild, goal, "Twelve sessions", LocalDate.parse("2026-06-30"), at));
        for (String person : people) {
            send(at -> Samples.joined(guild, person, person.equals(people.get(0)) ? "LEAD" : "MEMBER", at));
        }
        send(at -> Samples.joined(club, people.get(3), "MEMBER", at));
        send(at -> Samples.roleChanged(guild, people.get(2), "MEMBER", "LEAD", at));

        Meeting training = Meeting.of(guild, "TRAINING", Instant.parse("2026-03-03T09:00:00Z"), 120);
        Meeting run = Meeting.of(club, "SPORTS", Instant.parse("2026-03-04T17:30:00Z"), 60);
        Meeting party = Meeting.of(null, "PARTY", Instant.parse("2026-03-06T22:30:00Z"), 180);
        send(at -> Samples.scheduled(training, people.get(0), 4, at));
        send(at -> Samples.scheduled(run, people.get(1), null, at));
        for (String person : people.subList(0, 4)) {
            send(at -> Samples.confirmed(training, person, at));
        }
        send(at -> Samples.waitlisted(training, people.get(4), at));
        send(at -> Samples.rsvpCancelled(training, people.get(3), at));
        send(at -> Samples.promoted(training, people.get(4), at));
        send(at -> Samples.confirmed(run, people.get(3), at));
        send(at -> Samples.declined(run, people.get(5), at));
        for (String person : List.of(people.get(0), people.get(1), people.get(2), people.get(4))) {
            send(at -> Samples.attended(training, person, 120, at));
        }
        send(at -> Samples.corrected(training, people.get(1), 120, 60, at));
        send(at -> Samples.noShow(run, people.get(3), at));
        // The party's attendance arrives before its scheduling, and a correction before its original.
        Instant partyScheduledAt = next();
        Instant originalAt = next();
        send(at -> Samples.corrected(party, people.get(5), 180, 90, at));
        send(originalAt, at -> Samples.attended(party, people.get(5), 180, at));
        send(at -> Samples.attended(party, people.get(2), 180, at));
        send(partyScheduledAt, at -> Samples.scheduled(party, people.get(4), null, at));

        UUID mentoring = UUID.randomUUID();
        UUID learning = UUID.randomUUID();
        UUID writing = UUID.randomUUID();
        LocalDate day = LocalDate.parse("2026-03-05");
        send(at -> Samples.logged(mentoring, people.get(0), guild, "MENTORING", "GIVING", day, 60, at));
        send(at -> Samples.contributionCorrected(mentoring, people.get(0), guild, "MENTORING", "GIVING", day, 75, at));
        send(at -> Samples.logged(learning, people.get(5), guild, "BEING_MENTORED", "TAKING", day, 60, at));
        Instant writingLoggedAt = next();
        send(at -> Samples.contributionDeleted(writing, people.get(3), guild, day, at));
        send(writingLoggedAt, at -> Samples.logged(writing, people.get(3), guild, "WRITING", "GIVING", day, 30, at));

        send(at -> Samples.goalStatusChanged(guild, goal, "ON_TRACK", "AT_RISK", at));
        send(at -> Samples.left(club, people.get(3), at));
        send(at -> Samples.deactivated(people.get(4), LocalDate.parse("2026-04-01"), at));
        send(at -> Samples.erased(people.get(5), at));
        Meeting later = Meeting.of(guild, "COMMUNITY_MEETUP", Instant.parse("2026-03-10T16:00:00Z"), 90);
        send(at -> Samples.scheduled(later, people.get(0), null, at));
        send(at -> Samples.attended(later, people.get(5), 90, at));
        send(at -> Samples.attended(later, people.get(0), 90, at));
        send(at -> Samples.rescheduled(run, run.startsAt().plusSeconds(3600), run.endsAt().plusSeconds(3600), at));
        send(at -> Samples.cancelled(party, at));
        send(at -> Samples.archived(club, at));

        CloudEventHeaders redelivered = send(at -> Samples.leadRemoved(guild, people.get(2), at));
        topics.publish(Samples.leadRemoved(guild, people.get(2), redelivered.time()), redelivered);
        topics.send(Topics.EVENT, training.eventId().toString(), new CloudEventHeaders(UUID.randomUUID().toString(),
                        EventCatalog.ATTENDANCE_RECORDED.type(), "/event-service", next(),
                        training.eventId().toString(), null).toKafkaHeaders(),
                "{\"eventId\":".getBytes(StandardCharsets.UTF_8));
        return List.copyOf(appliedIds);
    }

    private CloudEventHeaders send(Function<Instant, GuildhallEvent> event) {
        return send(next(), event);
    }

    /** The event happened (payload and ce_time) at {@code time}, whenever it is published. */
    private CloudEventHeaders send(Instant time, Function<Instant, GuildhallEvent> event) {
        CloudEventHeaders headers = topics.publish(event.apply(time), time);
        appliedIds.add(headers.id());
        return headers;
    }

    private Instant next() {
        return T0.plusSeconds(60L * ++minute);
    }
}
