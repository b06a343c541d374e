package io.guildhall.event.privacy;

import io.guildhall.contracts.Topics;
import io.guildhall.contracts.person.PersonErased;
import io.guildhall.event.EventServiceITBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An erasure reaches the name on a person's certificates and the comments of their feedback; nothing else of theirs. */
class ErasuresIT extends EventServiceITBase {

    @Test
    void an_erased_persons_certificate_name_becomes_erased_person_and_their_feedback_comment_goes() {
        Instant started = Instant.now().minus(Duration.ofMinutes(100)).truncatedTo(ChronoUnit.SECONDS);
        UUID event = UUID.fromString(create("sophie", event("Erasure drill " + UUID.randomUUID(), started, null)));
        String erased = "erased-" + UUID.randomUUID();
        String kept = "kept-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (String person : new String[] {erased, kept}) {
            db.sql("INSERT INTO certificate (code, event_id, person_id, person_name, minutes, issued_at)"
                            + " VALUES (:code, :e, :p, :name, 60, :at)")
                    .bind("code", person.substring(0, 10).toUpperCase()).bind("e", event).bind("p", person)
                    .bind("name", "Name of " + person).bind("at", now).then().block();
            db.sql("INSERT INTO feedback (id, event_id, person_id, rating, comment, given_at, changed_at)"
                            + " VALUES (:id, :e, :p, 4, :c, :at, :at)")
                    .bind("id", UUID.randomUUID()).bind("e", event).bind("p", person).bind("c", "Words of " + person)
                    .bind("at", now).then().block();
        }

        publish(Topics.PERSON, new PersonErased(erased, "admin", Instant.now()));

        Instant deadline = Instant.now().plusSeconds(60);
        while (!"Erased person".equals(name(erased))) {
            assertThat(Instant.now()).as("the erasure reaches the certificate").isBefore(deadline);
            sleep();
        }
        assertThat(db.sql("SELECT comment FROM feedback WHERE person_id = :p").bind("p", erased)
                .map(r -> java.util.Optional.ofNullable(r.get("comment", String.class))).one().block()).isEmpty();
        assertThat(db.sql("SELECT rating FROM feedback WHERE person_id = :p").bind("p", erased)
                .map(r -> r.get("rating", Short.class)).one().block()).isEqualTo((short) 4);
        assertThat(name(kept)).isEqualTo("Name of " + kept);
        assertThat(db.sql("SELECT comment FROM feedback WHERE person_id = :p").bind("p", kept)
                .map(r -> r.get("comment", String.class)).one().block()).isEqualTo("Words of " + kept);
    }

    private String name(String person) {
        return db.sql("SELECT person_name FROM certificate WHERE person_id = :p").bind("p", person)
                .map(r -> r.get("person_name", String.class)).one().block();
    }
}
