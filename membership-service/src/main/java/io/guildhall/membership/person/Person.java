package io.guildhall.membership.person;

import io.r2dbc.spi.Readable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A directory entry; the id is the Keycloak user id. */
public record Person(String id, Profile profile, boolean erased, LocalDate effectiveFrom, Instant createdAt,
                     Instant updatedAt) {

    static final String COLUMNS = "id, username, display_name, email, department, level, location, manager_id, "
            + "weekly_hours, weekly_hours_defaulted, active, erased, effective_from, created_at, updated_at";

    static Person read(Readable row) {
        Profile profile = new Profile(row.get("username", String.class), row.get("display_name", String.class),
                row.get("email", String.class), row.get("department", String.class), row.get("level", String.class),
                row.get("location", String.class), row.get("manager_id", String.class),
                row.get("weekly_hours", Integer.class), row.get("weekly_hours_defaulted", Boolean.class),
                row.get("active", Boolean.class));
        return new Person(row.get("id", String.class), profile, row.get("erased", Boolean.class),
                row.get("effective_from", LocalDate.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    public boolean active() {
        return profile.active() && !erased;
    }
}
