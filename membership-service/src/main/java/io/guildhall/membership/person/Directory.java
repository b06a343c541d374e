package io.guildhall.membership.person;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.person.DeactivationReason;
import io.guildhall.membership.OrganisationSettings;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies what Keycloak (or a token) says about a person to the directory, publishing the change with the day it
 * takes effect, in the same transaction as the write. Erased people are never brought back.
 */
@Service
public class Directory {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    private final PersonStore people;
    private final Outbox outbox;
    private final OrganisationSettings settings;
    private final Clock clock;
    private final List<DeactivationListener> deactivationListeners;

    public Directory(PersonStore people, Outbox outbox, OrganisationSettings settings, Clock clock,
                     List<DeactivationListener> deactivationListeners) {
        this.people = people;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.deactivationListeners = deactivationListeners;
    }

    /**
     * A person as Keycloak describes them now; {@code since} is the day they started (see {@link Profile#startDate}),
     * if Keycloak says. Someone registered just in time from their token, before any sync saw them, is dated back to
     * that day on the first sync that does (once: only while their entry is unchanged since registration).
     */
    @Transactional
    public Mono<Void> apply(String id, Profile profile, LocalDate since) {
        Instant now = clock.instant();
        LocalDate today = settings.today(clock);
        LocalDate started = since == null || since.isAfter(today) ? today : since;
        if (profile.weeklyHoursDefaulted()) {
            log.warn("Keycloak user {} ({}) has no usable weeklyHours attribute; using the default {}", id,
                    profile.username(), profile.weeklyHours());
        }
        return people.findForUpdate(id)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing.isEmpty()
                        ? register(id, profile, started, now)
                        : existing.get().erased() ? Mono.<Void>empty()
                        : startedEarlier(existing.get(), started) ? backdate(existing.get(), profile, started, today, now)
                        : change(existing.get(), profile, DeactivationReason.DISABLED, today, now));
    }

    /** Keycloak no longer has this user: the person becomes inactive. */
    @Transactional
    public Mono<Void> deleted(String id) {
        Instant now = clock.instant();
        return people.findForUpdate(id)
                .filter(Person::active)
                .flatMap(existing -> change(existing, existing.profile().withActive(false), DeactivationReason.DELETED,
                        settings.today(clock), now));
    }

    /** Just in time: someone signed in whom the last sync has not seen yet. */
    @Transactional
    public Mono<Void> ensureKnown(CurrentPerson caller) {
        return people.find(caller.personId())
                .map(found -> true)
                .switchIfEmpty(Mono.defer(() -> register(caller.personId(),
                        Profile.fromToken(caller, settings.defaultWeeklyHours()), settings.today(clock), clock.instant())
                        .thenReturn(true)))
                .then();
    }

    private Mono<Void> register(String id, Profile profile, LocalDate effectiveFrom, Instant now) {
        return people.insert(id, profile, effectiveFrom, now)
                .flatMap(inserted -> inserted
                        ? outbox.append(ProfileChanges.registered(id, profile, effectiveFrom, now))
                        : Mono.empty());
    }

    /** Registered (just in time) after the day the directory says they started, and not changed since. */
    private static boolean startedEarlier(Person existing, LocalDate started) {
        return started.isBefore(existing.effectiveFrom()) && existing.updatedAt().equals(existing.createdAt());
    }

    /**
     * Dates the first profile back to the start day: the directory's profile is published as in force from then;
     * should the token's profile have differed, the events of that difference follow as of today.
     */
    private Mono<Void> backdate(Person existing, Profile profile, LocalDate started, LocalDate today, Instant now) {
        List<GuildhallEvent> events = new ArrayList<>();
        events.add(ProfileChanges.backdated(existing.id(), profile, started, now));
        events.addAll(ProfileChanges.between(existing.id(), existing.profile(), profile, DeactivationReason.DISABLED,
                today, now));
        boolean changedSince = events.size() > 1;
        return people.update(existing.id(), profile, changedSince ? today : started, now)
                .then(outbox.appendAll(events));
    }

    private Mono<Void> change(Person existing, Profile after, DeactivationReason reason, LocalDate today, Instant now) {
        List<GuildhallEvent> events = ProfileChanges.between(existing.id(), existing.profile(), after, reason, today, now);
        if (events.isEmpty()) {
            // A new name or email alone: kept here (the directory answers for names), nothing published.
            return after.differsInDetails(existing.profile())
                    ? people.update(existing.id(), after, existing.effectiveFrom(), now) : Mono.empty();
        }
        Mono<Void> write = people.update(existing.id(), after, today, now).then(outbox.appendAll(events));
        if (existing.profile().active() && !after.active()) {
            for (DeactivationListener listener : deactivationListeners) {
                write = write.then(listener.deactivated(existing.id(), now));
            }
        }
        return write;
    }
}
