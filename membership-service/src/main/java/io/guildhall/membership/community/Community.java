package io.guildhall.membership.community;

import io.r2dbc.spi.Readable;

import java.util.UUID;

/** This service's replica of a community, from the community service's events. */
public record Community(UUID id, String slug, String name, String visibility, boolean archived) {

    public static final String OPEN = "OPEN";

    static Community read(Readable row) {
        return new Community(row.get("id", UUID.class), row.get("slug", String.class), row.get("name", String.class),
                row.get("visibility", String.class), row.get("archived", Boolean.class));
    }

    public boolean open() {
        return OPEN.equals(visibility);
    }
}
