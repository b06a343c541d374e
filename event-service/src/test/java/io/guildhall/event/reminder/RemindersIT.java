package io.guildhall.event.reminder;

import io.guildhall.event.EventServiceITBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RemindersIT extends EventServiceITBase {

    @Autowired
    Reminders reminders;

    @Test
    void each_person_going_is_reminded_once_a_day_ahead() {
        Instant start = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
        String id = create("grace", event("Tomorrow-ish", start, 1));
        rsvp("ada", id, "GOING").expectStatus().isOk();
        rsvp("katherine", id, "GOING").expectBody().jsonPath("$.status").isEqualTo("WAITLISTED");
        UUID event = UUID.fromString(id);

        reminders.sendDue(start.minus(Duration.ofHours(25))).block();
        assertThat(count("SELECT count(*) FROM reminder WHERE event_id = :id", event)).isZero();
        reminders.sendDue(start.minus(Duration.ofHours(23))).block();
        reminders.sendDue(start.minus(Duration.ofHours(22))).block();
        assertThat(count("SELECT count(*) FROM reminder WHERE event_id = :id", event)).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = published(id,
                types -> types.contains("guildhall.event.reminder-due.v1"));
        ConsumerRecord<String, byte[]> reminder = records.stream()
                .filter(r -> header(r, "ce_type").equals("guildhall.event.reminder-due.v1")).findFirst().orElseThrow();
        assertThat(data(reminder)).containsEntry("personId", personId("ada")).containsEntry("title", "Tomorrow-ish")
                .containsEntry("startsAt", start.toString());
    }
}
