package io.guildhall.membership.person;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A directory entry as the API shows it. Everyone signed in sees name, department, level, location and whether
 * the person is active; email, manager and contracted hours only the person themselves and admins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonView(String id, String displayName, String department, String level, String location,
                         boolean active, String username, String email, String managerId, Integer weeklyHours,
                         Boolean weeklyHoursDefaulted, LocalDate profileEffectiveFrom) {

    static PersonView of(Person person, boolean full) {
        Profile p = person.profile();
        if (!full) {
            return new PersonView(person.id(), p.displayName(), p.department(), p.level(), p.location(),
                    person.active(), null, null, null, null, null, null);
        }
        return new PersonView(person.id(), p.displayName(), p.department(), p.level(), p.location(), person.active(),
                p.username(), p.email(), p.managerId(), p.weeklyHours(), p.weeklyHoursDefaulted(), person.effectiveFrom());
    }
}
