package io.guildhall.analytics.messaging;

import io.guildhall.analytics.HttpCalls;
import io.guildhall.analytics.messaging.Samples.Meeting;
import io.guildhall.analytics.person.Pseudonyms;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.Topics;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.guildhall.analytics.messaging.IngestIT.T0;
import static io.guildhall.analytics.messaging.IngestIT.at;
import static io.guildhall.analytics.messaging.ReadModelRows.row;
import static io.guildhall.analytics.messaging.ReadModelRows.ts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Events in the wrong order, erased people, and records that are no Guildhall events at all. */
@MicronautTest(transactional = false)
class OutOfOrderIngestIT extends IngestTestBase {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void a_correction_before_its_original_keeps_the_corrected_minutes() {
        Meeting m = Meeting.of(null, "SPORTS", Instant.parse("2026-03-05T17:00:00Z"), 60);
        String person = Samples.person();
        topics.publish(Samples.corrected(m, person, 60, 30, at(2)), at(2));
        awaitProcessed(topics.publish(Samples.attended(m, person, 60, at(1)), at(1)));

        assertEquals(List.of(row(person, "2026-03-05", "SPORTS", null, 30, ts(at(2)))), db.query(
                "SELECT person_id, on_date, category, community_id, minutes, as_of FROM participation"
                        + " WHERE event_id = ?", m.eventId()));
    }

    @Test
    void attendance_before_the_event_and_the_person_is_kept_and_completed_later() {
        UUID community = UUID.randomUUID();
        Meeting m = Meeting.of(community, "CONFERENCE", Instant.parse("2026-03-06T09:00:00Z"), 480);
        String person = Samples.person();
        String organiser = Samples.person();
        topics.publish(Samples.attended(m, person, 480, at(10)), at(10));
        db.awaitRows(List.of(row(community, "CONFERENCE", null, null, "f", ts(at(10)))),
                "SELECT community_id, category, organiser_id, capacity, scheduled, as_of FROM calendar_event"
                        + " WHERE event_id = ?", m.eventId());

        topics.publish(Samples.scheduled(m, organiser, 200, T0), T0);
        topics.publish(Samples.registered(person, "Sales", "IC", "Paris", 20, LocalDate.parse("2026-01-01"), at(1)),
                at(1));

        db.awaitRows(List.of(row(community, "CONFERENCE", organiser, 200, "t", ts(at(10)))),
                "SELECT community_id, category, organiser_id, capacity, scheduled, as_of FROM calendar_event"
                        + " WHERE event_id = ?", m.eventId());
        db.awaitRows(List.of(row("Sales", 20)),
                "SELECT department, weekly_hours FROM person_profile WHERE person_id = ?", person);
        assertEquals(List.of(row(480)), db.query("SELECT minutes FROM participation WHERE person_id = ?", person));
    }

    @Test
    void older_events_never_overwrite_newer_ones() {
        String person = Samples.person();
        LocalDate from = LocalDate.parse("2026-02-01");
        topics.publish(Samples.profileChanged(person, "Finance", "IC", "Rome", 30, from, at(5)), at(5));
        CloudEventHeaders staleProfile =
                topics.publish(Samples.profileChanged(person, "Legal", "IC", "Rome", 40, from, at(4)), at(4));
        UUID community = UUID.randomUUID();
        topics.publish(Samples.left(community, person, at(5)), at(5));
        CloudEventHeaders staleJoin = topics.publish(Samples.joined(community, person, "MEMBER", at(1)), at(1));
        Meeting m = Meeting.of(community, "PARTY", Instant.parse("2026-03-07T18:00:00Z"), 120);
        topics.publish(Samples.declined(m, person, at(6)), at(6));
        CloudEventHeaders staleRsvp = topics.publish(Samples.confirmed(m, person, at(3)), at(3));
        UUID contribution = UUID.randomUUID();
        LocalDate day = LocalDate.parse("2026-03-08");
        topics.publish(Samples.contributionDeleted(contribution, person, community, day, at(9)), at(9));
        CloudEventHeaders staleLogging = topics.publish(
                Samples.logged(contribution, person, community, "SPEAKING", "GIVING", day, 50, at(8)), at(8));
        List.of(staleProfile, staleJoin, staleRsvp, staleLogging).forEach(this::awaitProcessed);

        db.awaitRows(List.of(row("Finance", 30, ts(at(5)))),
                "SELECT department, weekly_hours, as_of FROM person_profile WHERE person_id = ?", person);
        db.awaitRows(List.of(row("MEMBER", ts(at(1)), ts(at(5)), ts(at(5)))),
                "SELECT role, joined_at, left_at, as_of FROM membership WHERE person_id = ?", person);
        db.awaitRows(List.of(row("NOT_GOING", ts(at(6)))),
                "SELECT status, as_of FROM rsvp WHERE person_id = ?", person);
        db.awaitRows(List.of(row("SPEAKING", "GIVING", 0, ts(at(9)))),
                "SELECT category, direction, minutes, as_of FROM participation WHERE source_id = ?",
                contribution.toString());
    }

    @Test
    void an_erased_person_is_anonymised_everywhere_and_in_events_that_arrive_later() {
        String person = Samples.person();
        UUID community = UUID.randomUUID();
        Meeting before = Meeting.of(community, "TRAINING", Instant.parse("2026-03-09T10:00:00Z"), 60);
        Meeting after = Meeting.of(community, "TRAINING", Instant.parse("2026-03-10T10:00:00Z"), 60);
        UUID contribution = UUID.randomUUID();
        topics.publish(Samples.registered(person, "HR", "IC", "Madrid", 40, LocalDate.parse("2026-01-01"), T0), T0);
        topics.publish(Samples.founded(community, "Erasure Guild", person, T0), T0);
        topics.publish(Samples.joined(community, person, "LEAD", T0), T0);
        topics.publish(Samples.scheduled(before, person, null, T0), T0);
        topics.publish(Samples.confirmed(before, person, at(1)), at(1));
        topics.publish(Samples.attended(before, person, 60, at(2)), at(2));
        topics.publish(Samples.logged(contribution, person, community, "WRITING", "GIVING",
                LocalDate.parse("2026-03-09"), 15, at(3)), at(3));
        db.awaitRows(List.of(row(2)), "SELECT count(*) FROM participation WHERE person_id = ?", person);

        CloudEventHeaders erasure = topics.publish(Samples.erased(person, at(4)), at(4));
        String pseudonym = Pseudonyms.forErasure(erasure.id());
        db.awaitRows(List.of(row(pseudonym)),
                "SELECT pseudonym FROM person_erasure WHERE person_id_sha256 = ?", Pseudonyms.sha256(person));
        topics.publish(Samples.attended(after, person, 60, at(5)), at(5));
        topics.publish(Samples.profileChanged(person, "HR", "manager", "Madrid", 40, LocalDate.parse("2026-04-01"),
                at(6)), at(6));

        db.awaitRows(List.of(row(after.eventId() + "/" + pseudonym, pseudonym, 60)),
                "SELECT source_id, person_id, minutes FROM participation WHERE event_id = ?", after.eventId());
        db.awaitRows(List.of(row(pseudonym, "2026-01-01", "HR"), row(pseudonym, "2026-04-01", "HR")),
                "SELECT person_id, effective_from, department FROM person_profile WHERE person_id = ?"
                        + " ORDER BY effective_from", pseudonym);
        assertEquals(List.of(row(before.eventId() + "/" + pseudonym, 60), row(contribution, 15)), db.query(
                "SELECT source_id, minutes FROM participation WHERE person_id = ? AND event_id IS DISTINCT FROM ?"
                        + " ORDER BY source", pseudonym, after.eventId()));
        assertEquals(List.of(row(pseudonym)), db.query("SELECT person_id FROM rsvp WHERE event_id = ?",
                before.eventId()));
        assertEquals(List.of(row(pseudonym)), db.query("SELECT person_id FROM membership WHERE community_id = ?",
                community));
        assertEquals(List.of(row(pseudonym)), db.query("SELECT person_id FROM community_lead WHERE community_id = ?",
                community));
        assertEquals(List.of(row(pseudonym)), db.query("SELECT founded_by FROM community WHERE id = ?", community));
        assertEquals(List.of(row(pseudonym)), db.query("SELECT organiser_id FROM calendar_event WHERE event_id = ?",
                before.eventId()));
        assertEquals(List.of(row(0)), db.query("""
                SELECT (SELECT count(*) FROM person_profile WHERE person_id = ?)
                     + (SELECT count(*) FROM participation WHERE person_id = ? OR source_id LIKE ?)
                     + (SELECT count(*) FROM rsvp WHERE person_id = ?)
                     + (SELECT count(*) FROM membership WHERE person_id = ?)
                     + (SELECT count(*) FROM community_lead WHERE person_id = ?)
                     + (SELECT count(*) FROM calendar_event WHERE organiser_id = ?)
                     + (SELECT count(*) FROM community WHERE founded_by = ?)""",
                person, person, "%" + person, person, person, person, person, person), "the id is nowhere");
    }

    @Test
    void unreadable_records_are_dead_lettered_counted_and_consumption_goes_on() {
        UUID unparseable = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        byte[] truncated = "{\"contributionId\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] sleeping = new String(GuildhallTopics.json(Samples.logged(invalid, Samples.person(), UUID.randomUUID(),
                "MENTORING", "GIVING", LocalDate.parse("2026-03-11"), 10, T0)), StandardCharsets.UTF_8)
                .replace("MENTORING", "SLEEPING").getBytes(StandardCharsets.UTF_8);
        topics.send(Topics.CONTRIBUTION, unparseable.toString(), headers(unparseable), truncated);
        topics.send(Topics.CONTRIBUTION, invalid.toString(), headers(invalid), sleeping);
        UUID valid = UUID.randomUUID();
        topics.publish(Samples.logged(valid, Samples.person(), UUID.randomUUID(), "MENTORING", "GIVING",
                LocalDate.parse("2026-03-11"), 10, T0), T0);

        db.awaitRows(List.of(row(10)), "SELECT minutes FROM participation WHERE source_id = ?", valid.toString());
        assertDeadLettered(unparseable, truncated, "not JSON");
        assertDeadLettered(invalid, sleeping, "kind");
        assertEquals(List.of(row(0)), db.query("SELECT count(*) FROM participation WHERE source_id = ?",
                invalid.toString()));
        HttpCalls http = new HttpCalls(URI.create(server.getURL() + "/"), json);
        String metrics = http.get("prometheus", null, "text/plain").body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("guildhall_consumer_records_total{")
                        && line.contains("outcome=\"dead_lettered\"") && line.contains("topic=\"" + Topics.CONTRIBUTION)),
                "the dead letters are counted on /prometheus");
    }

    private void assertDeadLettered(UUID key, byte[] value, String reasonMentions) {
        ConsumerRecord<String, byte[]> deadLetter = topics.awaitDeadLetter(Topics.CONTRIBUTION, key.toString(),
                        ReadModelRows.WAIT).orElseGet(() -> fail("no dead letter with key " + key));
        assertArrayEquals(value, deadLetter.value(), "the original value");
        String reason = header(deadLetter, CloudEventHeaders.DEAD_LETTER_REASON);
        assertTrue(reason != null && reason.contains(reasonMentions), "reason names the problem: " + reason);
        assertEquals(BatchConsumer.CONSUMER, header(deadLetter, CloudEventHeaders.DEAD_LETTER_CONSUMER));
    }

    private static Map<String, byte[]> headers(UUID contributionId) {
        return new CloudEventHeaders(UUID.randomUUID().toString(), EventCatalog.CONTRIBUTION_LOGGED.type(),
                "/membership-service", T0, contributionId.toString(), null).toKafkaHeaders();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Records of one key stay in order: once the last one is processed, so are those before it. */
    private void awaitProcessed(CloudEventHeaders event) {
        db.awaitRows(List.of(row(1)), "SELECT count(*) FROM processed_event WHERE event_id = ?", event.id());
    }
}
