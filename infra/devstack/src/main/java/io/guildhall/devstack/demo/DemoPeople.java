package io.guildhall.devstack.demo;

import io.guildhall.devstack.KeycloakUsers;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo organisation's people beyond the 24 of the realm file: 276 more, so 300 in all, across 8 departments,
 * 4 levels and 3 locations, about one in seven part-time (the People department and the executives stay the realm
 * file's three each). They are registered in Keycloak through its admin API
 * before the services start, so that membership-service's first directory sync brings them in and publishes them
 * like any employee; registering again leaves them as they are. Fixed seed: every fresh stack has the same people.
 */
public final class DemoPeople {

    public static final int ORGANISATION_SIZE = 300;
    static final List<String> DEPARTMENTS = List.of("Engineering", "Product", "Design", "Sales", "Marketing",
            "Operations", "Finance", "People");
    /**
     * People (3) and the executives (3) are the realm file's only: groups under the privacy threshold of 5, so that
     * the oversight shows suppression at work, also with 300 people.
     */
    private static final int[] DEPARTMENT_WEIGHTS = {30, 10, 8, 15, 10, 12, 7, 0};
    static final List<String> LEVELS = List.of("IC", "senior", "manager", "executive");
    private static final int[] LEVEL_WEIGHTS = {60, 27, 13, 0};
    static final List<String> LOCATIONS = List.of("Berlin", "London", "Lisbon");
    private static final int[] LOCATION_WEIGHTS = {45, 35, 20};
    private static final int[] PART_TIME_HOURS = {20, 24, 30, 32};

    private static final List<String> FIRST = List.of("Amara", "Bruno", "Chloe", "Dario", "Elena", "Felix", "Greta",
            "Hugo", "Ines", "Jonas", "Kira", "Lars", "Maya", "Nico", "Olga", "Pavel", "Quinn", "Rosa", "Samir", "Tara",
            "Umar", "Vera", "Wim", "Ximena", "Yusuf", "Zoe", "Aiko", "Bela", "Carmen", "Diego", "Emil", "Fatima",
            "Goran", "Hana", "Ivan", "Jana", "Kofi", "Lina", "Mateo", "Nora");
    private static final List<String> LAST = List.of("Almeida", "Becker", "Costa", "Dimitrov", "Evans", "Fischer",
            "Garcia", "Hansen", "Ibrahim", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Pereira",
            "Quinteiro", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Wagner", "Xu", "Yilmaz", "Zimmermann",
            "Andersen", "Brown", "Carvalho", "Dubois");

    private DemoPeople() {
    }

    /** The 276 generated people, in a fixed order. */
    static List<KeycloakUsers.User> generated() {
        Random random = new Random(17);
        Set<String> names = new LinkedHashSet<>();
        List<KeycloakUsers.User> people = new ArrayList<>();
        while (people.size() < ORGANISATION_SIZE - DemoData.REALM_PEOPLE.size()) {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            String username = (first + "." + last).toLowerCase();
            if (!names.add(username)) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("department", pick(DEPARTMENTS, DEPARTMENT_WEIGHTS, random));
            attributes.put("level", pick(LEVELS, LEVEL_WEIGHTS, random));
            attributes.put("location", pick(LOCATIONS, LOCATION_WEIGHTS, random));
            attributes.put("weeklyHours", String.valueOf(random.nextInt(100) < 14
                    ? PART_TIME_HOURS[random.nextInt(PART_TIME_HOURS.length)] : 40));
            attributes.put("startDate", LocalDate.of(2012, 1, 2).plusDays(random.nextInt(5000)).toString());
            people.add(new KeycloakUsers.User(username, first, last, username + "@guildhall.example", attributes,
                    List.of("default-roles-guildhall", "employee")));
        }
        return people;
    }

    static List<String> usernames() {
        return generated().stream().map(KeycloakUsers.User::username).toList();
    }

    /** Registers the generated people (password "demo") unless they are there; says what it did. */
    public static void register(String keycloakUrl, PrintStream out) {
        long begin = System.nanoTime();
        KeycloakUsers.Registered done = new KeycloakUsers(keycloakUrl, "guildhall")
                .register(generated(), io.guildhall.devstack.TokenClient.DEMO_PASSWORD);
        out.printf("  Demo people: %d registered in Keycloak, %d already there (%.1f s)%n", done.added(), done.skipped(),
                (System.nanoTime() - begin) / 1e9);
    }

    private static String pick(List<String> values, int[] weights, Random random) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.size(); i++) {
            r -= weights[i];
            if (r < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
