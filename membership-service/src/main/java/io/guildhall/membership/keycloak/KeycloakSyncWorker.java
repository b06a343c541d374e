package io.guildhall.membership.keycloak;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final KeycloakSyncStore store;
    private final KeycloakMirror mirror;
    private final KeycloakCalls calls;
    private final KeycloakSyncSettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter failures;
    private final Counter done;

    public KeycloakSyncWorker(KeycloakSyncStore store, KeycloakMirror mirror, KeycloakCalls calls,
                              KeycloakSyncSettings settings,
                              Clock clock, MeterRegistry meters) {
        this.store = store;
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
        Instant now = clock.instant();
        return store.claim(now, now.plus(LEASE), settings.batchSize());
    }

    private Mono<Boolean> process(SyncTask task) {
        Mono<Void> work = KeycloakSyncQueue.LEAD_ROLE.equals(task.kind()) ? leadRole(task.personId())
                : groupMembership(task.personId(), task.communityId());
        return work.then(store.done(task.id(), clock.instant()))
                .doOnSuccess(v -> done.increment())
                .thenReturn(true);
    }

    private Mono<Void> leadRole(String personId) {
        return store.leadsACommunity(personId)
                .flatMap(wanted -> calls.call(() -> mirror.reconcileLeadRole(personId, wanted)))
                .then();
    }

    private Mono<Void> groupMembership(String personId, UUID communityId) {
        return store.groupState(personId, communityId)
                .flatMap(state -> calls.call(() -> java.util.Optional.ofNullable(
                                mirror.ensureGroup(state.groupId(), state.slug(), state.wanted())))
                        .flatMap(groupId -> groupId.isEmpty() ? Mono.<Void>empty()
                                : storeGroupId(communityId, state.groupId(), groupId.get())
                                .then(calls.call(() -> mirror.reconcileGroupMembership(personId, groupId.get(), state.wanted())))
                                .then()));
    }

    private Mono<Void> storeGroupId(UUID communityId, String known, String groupId) {
        return groupId.equals(known) ? Mono.empty()
                : store.groupId(communityId, groupId);
    }

    private Mono<Void> failed(SyncTask task, Throwable e) {
        failures.increment();
        int attempts = task.attempts() + 1;
        Duration delay = settings.backoff(attempts);
        log.warn("Mirroring {} of {} into Keycloak failed (attempt {}), retrying in {}: {}", task.kind(), task.personId(),
                attempts, delay, e.toString());
        String error = String.valueOf(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        return store.retryLater(task.id(), attempts, clock.instant().plus(delay), error);
    }

    private Mono<Void> refreshPending() {
        return store.pending().doOnNext(pending::set).then();
    }
}
