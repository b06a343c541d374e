package io.guildhall.devstack.demo;

import io.guildhall.devstack.KeycloakUsers;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoPeopleTest {

    @Test
    void three_hundred_people_across_eight_departments_four_levels_three_locations_some_part_time() {
        List<KeycloakUsers.User> generated = DemoPeople.generated();

        assertEquals(DemoPeople.ORGANISATION_SIZE, generated.size() + DemoData.REALM_PEOPLE.size());
        Set<String> usernames = generated.stream().map(KeycloakUsers.User::username).collect(Collectors.toSet());
        assertEquals(generated.size(), usernames.size(), "unique usernames");
        assertTrue(usernames.stream().noneMatch(DemoData.REALM_PEOPLE::contains), "none clashes with the realm's people");
        // With the realm file's people: 8 departments and 4 levels; People and the executives stay the realm's 3 each,
        // groups under the privacy threshold, so that the oversight shows suppression.
        assertEquals(new HashSet<>(DemoPeople.DEPARTMENTS.subList(0, 7)), values(generated, "department"));
        assertEquals(new HashSet<>(DemoPeople.LEVELS.subList(0, 3)), values(generated, "level"));
        assertEquals(new HashSet<>(DemoPeople.LOCATIONS), values(generated, "location"));
        long partTime = generated.stream().filter(p -> Integer.parseInt(p.attributes().get("weeklyHours")) < 40).count();
        assertTrue(partTime > generated.size() / 12 && partTime < generated.size() / 5, "part-time: " + partTime);
        assertTrue(generated.stream().allMatch(p -> p.realmRoles().contains("employee")));
        assertEquals(generated, DemoPeople.generated(), "the same people on every fresh stack");
    }

    private static Set<String> values(List<KeycloakUsers.User> people, String attribute) {
        return people.stream().map(p -> p.attributes().get(attribute)).collect(Collectors.toSet());
    }
}
