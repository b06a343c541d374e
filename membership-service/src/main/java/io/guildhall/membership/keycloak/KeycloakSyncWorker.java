package io.guildhall.membership.keycloak;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries out keycloak_sync rows: claims due rows (SKIP LOCKED, leased by pushing next_attempt_at ahead, so several
 * instances share the work), reconciles Keycloak with the current state of this service's database, marks them
 * done, or on failure records the error and retries with exponential backoff. Metrics:
 * guildhall_keycloak_sync_pending, guildhall_keycloak_sync_failures_total, guildhall_keycloak_sync_done_total.
 */
public class KeycloakSyncWorker {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSyncWorker.class);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final DatabaseClient db;
    private final KeycloakMirror mirror;
    private final KeycloakCalls calls;
    private final KeycloakSyncSettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter failures;
    private final Counter done;

    public KeycloakSyncWorker(DatabaseClient db, KeycloakMirror mirror, KeycloakCalls calls, KeycloakSyncSettings settings,
                              Clock clock, MeterRegistry meters) {
        this.db = db;
        this.mirror = mirror;
        this.calls = calls;
        this.settings = settings;
        this.clock = clock;
        this.failures = Counter.builder("guildhall.keycloak.sync.failures")
                .description("Attempts to mirror a change into Keycloak that failed and will be retried").register(meters);
        this.done = Counter.builder("guildhall.keycloak.sync.done")
                .description("Changes mirrored into Keycloak").register(meters);
        meters.gauge("guildhall.keycloak.sync.pending", pending, AtomicLong::get);
    }

    @Scheduled(fixedDelayString = "${guildhall.keycloak-sync.poll-interval}")
    void poll() {
        processDue().subscribe();
    }

    /** One round over the due rows; emits how many were mirrored. A round already running makes this a no-op. */
    public Mono<Long> processDue() {
        if (!running.compareAndSet(false, true)) {
            return Mono.just(0L);
        }
        return batches(0)
                .flatMap(n -> refreshPending().thenReturn(n))
                .doOnError(e -> log.warn("Keycloak sync round failed: {}", e.toString()))
                .onErrorResume(e -> Mono.just(0L))
                .doFinally(signal -> running.set(false));
    }

    /** Batch after batch until nothing is due; a failed row is due again only after its backoff, so this ends. */
    private Mono<Long> batches(long mirrored) {
        return claim().collectList().flatMap(batch -> batch.isEmpty() ? Mono.just(mirrored)
                : reactor.core.publisher.Flux.fromIterable(batch)
                .concatMap(task -> process(task).onErrorResume(e -> failed(task, e).thenReturn(false)))
                .filter(Boolean::booleanValue).count()
                .flatMap(n -> batches(mirrored + n)));
    }

    private reactor.core.publisher.Flux<SyncTask> claim() {
        OffsetDateTime now = now();
        return db.sql("""
                        UPDATE keycloak_sync SET next_attempt_at = :lease
                        WHERE id IN (SELECT id FROM keycloak_sync WHERE done_at IS NULL AND next_attempt_at <= :now
                                     ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, kind, person_id, community_id, attempts""")
                .bind("lease", now.plus(LEASE)).bind("now", now).bind("limit", settings.batchSize())
                .map(SyncTask::read).all()
                .sort(java.util.Comparator.comparingLong(SyncTask::id));
    }

    private Mono<Boolean> process(SyncTask task) {
        Mono<Void> work = KeycloakSyncQueue.LEAD_ROLE.equals(task.kind()) ? leadRole(task.personId())
                : groupMembership(task.personId(), task.communityId());
        return work.then(db.sql("UPDATE keycloak_sync SET done_at = :now, attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = :id").bind("now", now()).bind("id", task.id()).then())
                .doOnSuccess(v -> done.increment())
                .thenReturn(true);
    }

    private Mono<Void> leadRole(String personId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM membership m JOIN community c ON c.id = m.community_id "
                        + "WHERE m.person_id = :p AND m.left_at IS NULL AND m.role = 'LEAD' AND NOT c.archived) AS lead")
                .bind("p", personId).map(r -> r.get("lead", Boolean.class)).one()
                .flatMap(wanted -> calls.call(() -> mirror.reconcileLeadRole(personId, wanted)))
                .then();
    }

    private Mono<Void> groupMembership(String personId, UUID communityId) {
        return db.sql("SELECT c.slug, c.keycloak_group_id, c.archived, EXISTS (SELECT 1 FROM membership m "
                        + "WHERE m.community_id = c.id AND m.person_id = :p AND m.left_at IS NULL) AS member "
                        + "FROM community c WHERE c.id = :c")
                .bind("p", personId).bind("c", communityId)
                .map(r -> new GroupState(r.get("slug", String.class), r.get("keycloak_group_id", String.class),
                        r.get("member", Boolean.class) && !r.get("archived", Boolean.class)))
                .one()
                .flatMap(state -> calls.call(() -> java.util.Optional.ofNullable(
                                mirror.ensureGroup(state.groupId(), state.slug(), state.wanted())))
                        .flatMap(groupId -> groupId.isEmpty() ? Mono.<Void>empty()
                                : storeGroupId(communityId, state.groupId(), groupId.get())
                                .then(calls.call(() -> mirror.reconcileGroupMembership(personId, groupId.get(), state.wanted())))
                                .then()));
    }

    private Mono<Void> storeGroupId(UUID communityId, String known, String groupId) {
        return groupId.equals(known) ? Mono.empty()
                : db.sql("UPDATE community SET keycloak_group_id = :g WHERE id = :c").bind("g", groupId)
                .bind("c", communityId).then();
    }

    private Mono<Void> failed(SyncTask task, Throwable e) {
        failures.increment();
        int attempts = task.attempts() + 1;
        Duration delay = settings.backoff(attempts);
        log.warn("Mirroring {} of {} into Keycloak failed (attempt {}), retrying in {}: {}", task.kind(), task.personId(),
                attempts, delay, e.toString());
        String error = String.valueOf(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        return db.sql("UPDATE keycloak_sync SET attempts = :attempts, next_attempt_at = :next, last_error = :error "
                        + "WHERE id = :id")
                .bind("attempts", attempts).bind("next", now().plus(delay))
                .bind("error", error.length() > 1000 ? error.substring(0, 1000) : error).bind("id", task.id())
                .then();
    }

    private Mono<Void> refreshPending() {
        return db.sql("SELECT count(*) AS n FROM keycloak_sync WHERE done_at IS NULL").map(r -> r.get("n", Long.class))
                .one().doOnNext(pending::set).then();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record GroupState(String slug, String groupId, boolean wanted) {
    }
}
