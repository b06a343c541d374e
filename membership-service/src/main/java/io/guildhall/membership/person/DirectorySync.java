package io.guildhall.membership.person;

import io.guildhall.membership.OrganisationSettings;
import io.guildhall.membership.keycloak.KeycloakCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Full sync of the directory from Keycloak's users: at start and then on a schedule. Keycloak offers no change
 * feed to the admin API without event listeners, so a full pass is the incremental step: only users whose
 * profile differs produce writes and events. A user missing from the listing is deleted in Keycloak.
 */
@Component
public class DirectorySync {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
    private static final int PAGE = 100;

    private final RealmResource realm;
    private final KeycloakCalls calls;
    private final Directory directory;
    private final PersonStore people;
    private final OrganisationSettings settings;
    private final DirectorySettings directorySettings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final Counter failures;

    public DirectorySync(RealmResource realm, KeycloakCalls calls, Directory directory, PersonStore people,
                         OrganisationSettings settings, DirectorySettings directorySettings, MeterRegistry meters) {
        this.realm = realm;
        this.calls = calls;
        this.directory = directory;
        this.people = people;
        this.settings = settings;
        this.directorySettings = directorySettings;
        this.failures = Counter.builder("guildhall.directory.sync.failures")
                .description("Full directory syncs from Keycloak that failed").register(meters);
        meters.gauge("guildhall.directory.sync.last.success.epoch.seconds", lastSuccess, AtomicLong::get);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (directorySettings.syncOnStart()) {
            syncAll().subscribe();
        }
    }

    @Scheduled(initialDelayString = "${guildhall.directory.sync-interval}", fixedDelayString = "${guildhall.directory.sync-interval}")
    void scheduled() {
        syncAll().subscribe();
    }

    /** One pass; a pass already running makes this one a no-op. Emits the number of users seen. */
    public Mono<Integer> syncAll() {
        if (!running.compareAndSet(false, true)) {
            return Mono.just(0);
        }
        Set<String> seen = new HashSet<>();
        return fetchAll()
                .concatMap(user -> {
                    seen.add(user.getId());
                    return directory.apply(user.getId(), Profile.fromKeycloak(user, settings.defaultWeeklyHours()),
                            Profile.startDate(user, settings.timeZone()));
                })
                .then(Mono.defer(() -> people.activeIds().filter(id -> !seen.contains(id))
                        .concatMap(directory::deleted).then()))
                .then(Mono.fromSupplier(seen::size))
                .doOnSuccess(n -> {
                    lastSuccess.set(Instant.now().getEpochSecond());
                    log.info("Directory synced from Keycloak: {} users", n);
                })
                .doOnError(e -> {
                    failures.increment();
                    log.warn("Directory sync from Keycloak failed; next attempt on schedule: {}", e.toString());
                })
                .onErrorResume(e -> Mono.just(-1))
                .doFinally(signal -> running.set(false));
    }

    /** One user, e.g. after an admin changed them; absent in Keycloak means deleted. */
    public Mono<Void> syncOne(String id) {
        return calls.call(() -> {
                    try {
                        return Optional.of(realm.users().get(id).toRepresentation());
                    } catch (NotFoundException e) {
                        return Optional.<UserRepresentation>empty();
                    }
                })
                .flatMap(found -> found.isPresent()
                        ? directory.apply(id, Profile.fromKeycloak(found.get(), settings.defaultWeeklyHours()),
                                Profile.startDate(found.get(), settings.timeZone()))
                        : directory.deleted(id));
    }

    private Flux<UserRepresentation> fetchAll() {
        return Flux.range(0, Integer.MAX_VALUE)
                .concatMap(page -> calls.call(() -> realm.users().list(page * PAGE, PAGE)), 1)
                .takeUntil(batch -> batch.size() < PAGE)
                .flatMapIterable(List::copyOf)
                // Service accounts of clients are Keycloak users too, but nobody's person.
                .filter(user -> !user.getUsername().startsWith("service-account-"));
    }
}
