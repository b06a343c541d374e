package io.guildhall.analytics.report;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.SchemaValidator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes the producers' events as they would: CloudEvents in binary mode on the real topics, JSON written by hand
 * from the contract and checked against its schema before sending, so the consumers build the read model for real.
 */
public final class EventFeed implements AutoCloseable {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final KafkaProducer<String, byte[]> producer;

    public EventFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    void personRegistered(String person, String department, String level, int weeklyHours, LocalDate from) {
        send(EventCatalog.PERSON_REGISTERED, person, """
                {"personId":"%s","displayName":"Synthetic","department":"%s","level":"%s","location":"Berlin",
                 "managerId":null,"weeklyHours":%d,"weeklyHoursDefaulted":false,"active":true,"effectiveFrom":"%s",
                 "registeredAt":"%s"}""".formatted(person, department, level, weeklyHours, from, Instant.now()));
    }

    /** A person who reports to {@code manager} (the directory's managerId). */
    void personReportingTo(String person, String manager, LocalDate from) {
        send(EventCatalog.PERSON_REGISTERED, person, """
                {"personId":"%s","displayName":null,"department":"T","level":"IC","location":"Berlin",
                 "managerId":"%s","weeklyHours":40,"weeklyHoursDefaulted":false,"active":true,"effectiveFrom":"%s",
                 "registeredAt":"%s"}""".formatted(person, manager, from, Instant.now()));
    }

    void personDeactivated(String person, LocalDate from) {
        send(EventCatalog.PERSON_DEACTIVATED, person, """
                {"personId":"%s","reason":"DISABLED","effectiveFrom":"%s","deactivatedAt":"%s"}"""
                .formatted(person, from, Instant.now()));
    }

    void communityFounded(UUID community, String name, String founder) {
        send(EventCatalog.COMMUNITY_FOUNDED, community.toString(), """
                {"communityId":"%s","slug":"c-%s","name":"%s","description":"Report test","practiceArea":"java",
                 "visibility":"OPEN","foundedBy":"%s","foundedAt":"%s"}"""
                .formatted(community, community, name, founder, Instant.now()));
    }

    void goalSet(UUID community, String status, String owner) {
        send(EventCatalog.GOAL_SET, community.toString(), """
                {"communityId":"%s","goalId":"%s","title":"Hold sessions","description":null,"metric":"SESSIONS_HELD",
                 "unit":null,"baseline":0,"target":4,"dueDate":"2030-12-31","ownerId":"%s","status":"%s",
                 "setBy":"%s","setAt":"%s"}""".formatted(community, UUID.randomUUID(), owner, status, owner,
                Instant.now()));
    }

    void joined(UUID community, String person, Instant joinedAt) {
        send(EventCatalog.MEMBERSHIP_JOINED, community.toString(), """
                {"communityId":"%s","personId":"%s","role":"MEMBER","route":"OPEN_JOIN","joinedAt":"%s"}"""
                .formatted(community, person, joinedAt));
    }

    void eventScheduled(UUID event, UUID community, ZonedDateTime startsAt, int minutes, String organiser) {
        eventScheduled(event, community, startsAt, minutes, organiser, false);
    }

    void eventScheduled(UUID event, UUID community, ZonedDateTime startsAt, int minutes, String organiser,
                        boolean recordedAfterTheFact) {
        // Scheduled a week ahead, as events are; after the fact means now, long after the (past) start.
        Instant scheduledAt = recordedAfterTheFact ? Instant.now() : startsAt.toInstant().minus(Duration.ofDays(7));
        send(EventCatalog.EVENT_SCHEDULED, event.toString(), """
                {"eventId":"%s","seriesId":null,"title":"Report test training","description":null,
                 "category":"TRAINING","format":"IN_PERSON","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Berlin",
                 "location":"Room 1","onlineUrl":null,"capacity":null,"rsvpDeadline":null,"organiserId":"%s",
                 "communityId":"%s","scheduledAt":"%s","recordedAfterTheFact":%s}""".formatted(event,
                startsAt.toInstant(), startsAt.plusMinutes(minutes).toInstant(), organiser, community, scheduledAt,
                recordedAfterTheFact), scheduledAt);
    }

    void rsvpConfirmed(UUID event, UUID community, String person, ZonedDateTime startsAt, int minutes) {
        send(EventCatalog.RSVP_CONFIRMED, event.toString(), """
                {"eventId":"%s","personId":"%s","communityId":"%s","category":"TRAINING","startsAt":"%s",
                 "endsAt":"%s","timeZone":"Europe/Berlin","confirmedAt":"%s"}""".formatted(event, person, community,
                startsAt.toInstant(), startsAt.plusMinutes(minutes).toInstant(), Instant.now()));
    }

    void attended(UUID event, UUID community, String person, ZonedDateTime startsAt, int minutes, String by) {
        send(EventCatalog.ATTENDANCE_RECORDED, event.toString(), """
                {"eventId":"%s","personId":"%s","communityId":"%s","category":"TRAINING","startsAt":"%s",
                 "endsAt":"%s","timeZone":"Europe/Berlin","minutes":%d,"method":"ORGANISER","recordedBy":"%s",
                 "recordedAt":"%s"}""".formatted(event, person, community, startsAt.toInstant(),
                startsAt.plusMinutes(minutes).toInstant(), minutes, by, Instant.now()));
    }

    void attendanceCorrected(UUID event, UUID community, String person, ZonedDateTime startsAt, int minutes,
                             int previousMinutes, int correctedMinutes, String by) {
        send(EventCatalog.ATTENDANCE_CORRECTED, event.toString(), """
                {"eventId":"%s","personId":"%s","communityId":"%s","category":"TRAINING","startsAt":"%s",
                 "endsAt":"%s","timeZone":"Europe/Berlin","previousMinutes":%d,"minutes":%d,"correctedBy":"%s",
                 "correctedAt":"%s"}""".formatted(event, person, community, startsAt.toInstant(),
                startsAt.plusMinutes(minutes).toInstant(), previousMinutes, correctedMinutes, by, Instant.now()));
    }

    void profileChanged(String person, String department, String level, int weeklyHours, LocalDate from) {
        send(EventCatalog.PERSON_PROFILE_CHANGED, person, """
                {"personId":"%s","displayName":null,"department":"%s","level":"%s","location":"Berlin",
                 "managerId":null,"weeklyHours":%d,"weeklyHoursDefaulted":false,"active":true,"effectiveFrom":"%s",
                 "changedAt":"%s"}""".formatted(person, department, level, weeklyHours, from, Instant.now()));
    }

    void erased(String person, String by) {
        send(EventCatalog.PERSON_ERASED, person, """
                {"personId":"%s","erasedBy":"%s","erasedAt":"%s"}""".formatted(person, by, Instant.now()));
    }

    /** An anonymous rating of an event; changed once when {@code changedTo} is given. */
    void rated(UUID event, UUID community, int rating, Integer changedTo) {
        UUID feedback = UUID.randomUUID();
        send(EventCatalog.FEEDBACK_GIVEN, event.toString(), """
                {"eventId":"%s","feedbackId":"%s","communityId":"%s","category":"TRAINING","rating":%d,"givenAt":"%s"}"""
                .formatted(event, feedback, community, rating, Instant.now()));
        if (changedTo != null) {
            send(EventCatalog.FEEDBACK_CHANGED, event.toString(), """
                    {"eventId":"%s","feedbackId":"%s","communityId":"%s","previousRating":%d,"rating":%d,"changedAt":"%s"}"""
                    .formatted(event, feedback, community, rating, changedTo, Instant.now().plusMillis(1)));
        }
    }

    void noShow(UUID event, UUID community, String person, ZonedDateTime startsAt, int minutes) {
        send(EventCatalog.NO_SHOW_RECORDED, event.toString(), """
                {"eventId":"%s","personId":"%s","communityId":"%s","category":"TRAINING","startsAt":"%s",
                 "endsAt":"%s","timeZone":"Europe/Berlin","recordedAt":"%s"}""".formatted(event, person, community,
                startsAt.toInstant(), startsAt.plusMinutes(minutes).toInstant(), Instant.now()));
    }

    void contributed(UUID community, String person, String kind, String direction, LocalDate date, int minutes) {
        UUID contribution = UUID.randomUUID();
        send(EventCatalog.CONTRIBUTION_LOGGED, contribution.toString(), """
                {"contributionId":"%s","personId":"%s","communityId":"%s","kind":"%s","direction":"%s",
                 "date":"%s","minutes":%d,"loggedAt":"%s"}""".formatted(contribution, person, community, kind,
                direction, date, minutes, Instant.now()));
    }

    private void send(EventType<?> type, String key, String json) {
        send(type, key, json, Instant.now());
    }

    private void send(EventType<?> type, String key, String json, Instant time) {
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        SchemaValidator.shared().requireValid(type.type(), value);
        CloudEventHeaders headers = new CloudEventHeaders(UUID.randomUUID().toString(), type.type(),
                "/report-test", time, key, null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, value);
        headers.toKafkaHeaders().forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + type.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
