package io.guildhall.support.outbox;

import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The outbox rows the broker could never take (parked, holding back the later rows of their key), for an admin to
 * handle on each service: re-send one (after fixing the cause, e.g. the broker's message size), or skip it, which lets
 * its key flow again. Each action is recorded on the row ({@code handled_by}, {@code handled_at},
 * {@code handled_action}) and logged as an audit line.
 */
@RestController
@RequestMapping("/api/admin/outbox/parked")
public class ParkedOutboxController {

    private static final Logger audit = LoggerFactory.getLogger("guildhall.audit");

    /** A parked row, without its payload. */
    public record ParkedRow(long seq, String eventId, String topic, String key, String type, int attempts,
                            String lastError, Instant parkedAt) {
    }

    private final DatabaseClient db;

    public ParkedOutboxController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping
    @PreAuthorize("hasRole('admin')")
    public Flux<ParkedRow> parked() {
        return db.sql("""
                        SELECT seq, event_id, topic, message_key, ce_type, attempts, last_error, parked_at
                          FROM guildhall_outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL ORDER BY seq""")
                .map(row -> new ParkedRow(row.get("seq", Long.class), row.get("event_id", java.util.UUID.class).toString(),
                        row.get("topic", String.class), row.get("message_key", String.class), row.get("ce_type", String.class),
                        row.get("attempts", Integer.class), row.get("last_error", String.class),
                        row.get("parked_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** Tries the row again from scratch; if the broker still refuses it, it is parked again after max-attempts. */
    @PostMapping("/{seq}/resend")
    @PreAuthorize("hasRole('admin')")
    public Mono<Void> resend(@PathVariable long seq, CurrentPerson admin) {
        return handle(seq, admin, "RESENT", """
                UPDATE guildhall_outbox SET parked_at = NULL, attempts = 0, next_attempt_at = now(),
                       handled_by = :by, handled_at = now(), handled_action = 'RESENT'
                 WHERE seq = :seq AND parked_at IS NOT NULL AND sent_at IS NULL""");
    }

    /** Gives the row up (it is kept, marked sent and skipped), so the later rows of its key go out. */
    @PostMapping("/{seq}/skip")
    @PreAuthorize("hasRole('admin')")
    public Mono<Void> skip(@PathVariable long seq, CurrentPerson admin) {
        return handle(seq, admin, "SKIPPED", """
                UPDATE guildhall_outbox SET sent_at = now(),
                       handled_by = :by, handled_at = now(), handled_action = 'SKIPPED'
                 WHERE seq = :seq AND parked_at IS NOT NULL AND sent_at IS NULL""");
    }

    private Mono<Void> handle(long seq, CurrentPerson admin, String action, String sql) {
        return db.sql(sql).bind("seq", seq).bind("by", admin.personId()).fetch().rowsUpdated()
                .flatMap(rows -> {
                    if (rows == 0) {
                        return Mono.error(new NotFoundException("No parked outbox row " + seq));
                    }
                    audit.warn("outbox row {} {} by {}", seq, action, admin.personId());
                    return Mono.<Void>empty();
                });
    }
}
