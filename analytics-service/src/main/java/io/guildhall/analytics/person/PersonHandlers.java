package io.guildhall.analytics.person;

import io.guildhall.analytics.messaging.TopicHandler;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.person.PersonDeactivated;
import io.guildhall.contracts.person.PersonErased;
import io.guildhall.contracts.person.PersonProfileChanged;
import io.guildhall.contracts.person.PersonRegistered;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

/**
 * The person topic: the effective-dated profile (department, level, location, weekly hours, active) and erasures.
 * Display names and managers are not kept: no report needs them.
 */
@Factory
@SerdeImport(PersonRegistered.class)
@SerdeImport(PersonProfileChanged.class)
@SerdeImport(PersonDeactivated.class)
@SerdeImport(PersonErased.class)
public class PersonHandlers {

    private final ProfileStore profiles;
    private final Erasures erasures;

    public PersonHandlers(ProfileStore profiles, Erasures erasures) {
        this.profiles = profiles;
        this.erasures = erasures;
    }

    @Singleton
    TopicHandler<PersonRegistered> personRegistered() {
        return TopicHandler.of(EventCatalog.PERSON_REGISTERED, (event, headers, transaction) -> {
            String person = erasures.resolve(transaction, event.personId());
            profiles.applyProfile(transaction, new ProfileRow(person, event.effectiveFrom(), event.department(),
                    event.level(), event.location(), event.weeklyHours(), event.active(), headers.time()));
            profiles.applyManager(transaction, person, event.effectiveFrom(), manager(transaction, event.managerId()),
                    headers.time());
        });
    }

    @Singleton
    TopicHandler<PersonProfileChanged> personProfileChanged() {
        return TopicHandler.of(EventCatalog.PERSON_PROFILE_CHANGED, (event, headers, transaction) -> {
            String person = erasures.resolve(transaction, event.personId());
            profiles.applyProfile(transaction, new ProfileRow(person, event.effectiveFrom(), event.department(),
                    event.level(), event.location(), event.weeklyHours(), event.active(), headers.time()));
            profiles.applyManager(transaction, person, event.effectiveFrom(), manager(transaction, event.managerId()),
                    headers.time());
        });
    }

    @Singleton
    TopicHandler<PersonDeactivated> personDeactivated() {
        return TopicHandler.of(EventCatalog.PERSON_DEACTIVATED, (event, headers, transaction) ->
                profiles.applyDeactivation(transaction, erasures.resolve(transaction, event.personId()),
                        event.effectiveFrom(), headers.time()));
    }

    @Singleton
    TopicHandler<PersonErased> personErased() {
        return TopicHandler.of(EventCatalog.PERSON_ERASED, (event, headers, transaction) ->
                erasures.erase(transaction, event.personId(), headers.id(), headers.time()));
    }

    /** A manager's id as the read model keeps it (an erased manager's pseudonym). */
    private String manager(java.sql.Connection transaction, String managerId) throws java.sql.SQLException {
        return managerId == null || managerId.isBlank() ? null : erasures.resolve(transaction, managerId);
    }
}
