package io.guildhall.membership.person;

import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.person.DeactivationReason;
import io.guildhall.contracts.person.PersonDeactivated;
import io.guildhall.contracts.person.PersonProfileChanged;
import io.guildhall.contracts.person.PersonRegistered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which events a directory change publishes: plain rules, unit-tested. Events carry no name or email
 * (docs/privacy.md): a Kafka history kept for ever must not keep what an erasure removes; consumers that need a name
 * ask this service. So a change of name or email alone publishes nothing.
 */
final class ProfileChanges {

    private ProfileChanges() {
    }

    static PersonRegistered registered(String id, Profile p, LocalDate effectiveFrom, Instant at) {
        return new PersonRegistered(id, null, p.department(), p.level(), p.location(), p.managerId(),
                p.weeklyHours(), p.weeklyHoursDefaulted(), p.active(), effectiveFrom, at);
    }

    /**
     * A first profile dated back to the day the person started: the whole profile as in force from {@code started}
     * (consumers keep profiles by effective date, so this adds the earlier period and leaves later ones alone).
     */
    static PersonProfileChanged backdated(String id, Profile p, LocalDate started, Instant at) {
        return new PersonProfileChanged(id, null, p.department(), p.level(), p.location(), p.managerId(),
                p.weeklyHours(), p.weeklyHoursDefaulted(), p.active(), started, at);
    }

    /**
     * The events for a person whose profile goes from {@code before} to {@code after} on {@code today}: a profile
     * change when any detail changed or they came back, a deactivation when they stopped being active.
     */
    static List<GuildhallEvent> between(String id, Profile before, Profile after, DeactivationReason reason,
                                        LocalDate today, Instant at) {
        List<GuildhallEvent> events = new ArrayList<>();
        if (after.differsInPublishedDetails(before) || (after.active() && !before.active())) {
            events.add(new PersonProfileChanged(id, null, after.department(), after.level(),
                    after.location(), after.managerId(), after.weeklyHours(), after.weeklyHoursDefaulted(),
                    after.active(), today, at));
        }
        if (before.active() && !after.active()) {
            events.add(new PersonDeactivated(id, reason.name(), today, at));
        }
        return events;
    }
}
