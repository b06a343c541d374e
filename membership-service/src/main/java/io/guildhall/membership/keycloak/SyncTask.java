package io.guildhall.membership.keycloak;

import io.r2dbc.spi.Readable;

import java.util.UUID;

/** A claimed row of keycloak_sync. */
record SyncTask(long id, String kind, String personId, UUID communityId, int attempts) {

    static SyncTask read(Readable row) {
        return new SyncTask(row.get("id", Long.class), row.get("kind", String.class), row.get("person_id", String.class),
                row.get("community_id", UUID.class), row.get("attempts", Integer.class));
    }
}
