package io.guildhall.membership.contribution;

import io.r2dbc.spi.Readable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of the contribution log. */
public record Contribution(UUID id, String personId, UUID communityId, String kind, String direction, LocalDate date,
                           int minutes, String note, Instant loggedAt, Instant updatedAt) {

    static final String COLUMNS = "id, person_id, community_id, kind, work_date, minutes, note, logged_at, updated_at";

    static Contribution read(Readable row) {
        String kind = row.get("kind", String.class);
        return new Contribution(row.get("id", UUID.class), row.get("person_id", String.class),
                row.get("community_id", UUID.class), kind,
                ContributionRules.directionOf(ContributionRules.kind(kind)).name(),
                row.get("work_date", LocalDate.class), row.get("minutes", Integer.class), row.get("note", String.class),
                row.get("logged_at", OffsetDateTime.class).toInstant(), row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
