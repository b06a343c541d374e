package io.guildhall.event.certificate;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** Certificates in PostgreSQL, with the training's title and date from the event. */
@Repository
public class CertificateStore {

    private static final String SELECT = """
            SELECT c.code, c.event_id, c.person_id, c.person_name, c.minutes, c.issued_at, e.title, e.starts_at, e.time_zone
            FROM certificate c JOIN event e ON e.id = c.event_id""";

    private final DatabaseClient db;

    public CertificateStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Certificate> byCode(String code) {
        return db.sql(SELECT + " WHERE c.code = :code").bind("code", code).map(CertificateStore::certificate).one();
    }

    /** The person's certificate of the event: the one issued before (its minutes brought up to date), else a new one. */
    public Mono<Certificate> issue(UUID event, String person, String name, int minutes, String freshCode, Instant now) {
        return db.sql("""
                        INSERT INTO certificate (code, event_id, person_id, person_name, minutes, issued_at)
                        VALUES (:code, :e, :p, :name, :m, :at)
                        ON CONFLICT (event_id, person_id) DO UPDATE SET minutes = EXCLUDED.minutes
                        RETURNING code""")
                .bind("code", freshCode).bind("e", event).bind("p", person).bind("name", name).bind("m", minutes)
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .map(row -> row.get("code", String.class)).one()
                .flatMap(this::byCode);
    }

    /** An erasure: the name printed on the person's certificates becomes "Erased person"; how many. */
    public Mono<Long> anonymise(String person) {
        return db.sql("UPDATE certificate SET person_name = 'Erased person' WHERE person_id = :p").bind("p", person)
                .fetch().rowsUpdated();
    }

    private static Certificate certificate(io.r2dbc.spi.Readable row) {
        ZoneId zone = ZoneId.of(row.get("time_zone", String.class));
        return new Certificate(row.get("code", String.class), row.get("event_id", UUID.class),
                row.get("person_id", String.class), row.get("person_name", String.class), row.get("title", String.class),
                row.get("starts_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate(),
                row.get("minutes", Integer.class), row.get("issued_at", OffsetDateTime.class).toInstant());
    }
}
