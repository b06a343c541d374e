package io.guildhall.devstack.demo;

import io.guildhall.devstack.ServiceSpec;
import io.guildhall.devstack.TokenClient;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A small organisation's first month on Guildhall, loaded through the services' public APIs by the demo people
 * themselves (so every figure flows through Kafka exactly as in production): communities and their goals, members
 * and a pending join request, events held in the last days with attendance, upcoming events with RSVPs and a
 * waitlist, and a month of logged contributions. Loaded once: a stack that already has the demo communities is
 * left alone. The random choices use a fixed seed, so every fresh stack tells the same story.
 */
public final class DemoData {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /** The demo realm's people (infra/keycloak/realm/guildhall-realm.json), password "demo". */
    static final List<String> PEOPLE = List.of("ada", "grace", "katherine", "alan", "barbara", "edsger", "margaret",
            "donald", "frances", "john", "radia", "ken", "dennis", "tim", "hedy", "claude", "annie", "mary", "dorothy",
            "niklaus", "joan", "leslie", "shafi", "sophie");
    /** People who invest well above the target, so the reports show over-participation too. */
    private static final List<String> ENTHUSIASTS = List.of("margaret", "radia");

    record Community(String name, String practiceArea, String founder, boolean open, String category, String description) {
    }

    static final List<Community> COMMUNITIES = List.of(
            new Community("Java Guild", "java", "grace", true, "TRAINING",
                    "People who build on the JVM: code katas, talks and reviews of each other's designs."),
            new Community("Platform Engineering", "platform", "barbara", true, "COMMUNITY_MEETUP",
                    "Paved roads for every team: build pipelines, observability and developer experience."),
            new Community("Running Club", "running", "radia", true, "SPORTS",
                    "Lunchtime runs and the city relay; every pace welcome."),
            new Community("Operations Excellence", "operations", "tim", true, "COMMUNITY_MEETUP",
                    "Lean, incident reviews and the craft of running things well."),
            new Community("Design Systems", "design", "grace", false, "TRAINING",
                    "One design language across our products; members review components together."));

    private static final String[] CONTRIBUTION_KINDS =
            {"MENTORING", "SPEAKING", "ORGANISING", "ANSWERING_QUESTIONS", "WRITING", "BEING_MENTORED", "LEARNING"};

    private final DemoApi api = new DemoApi();
    private final TokenClient tokens;
    private final LocalDate today;
    private final Random random = new Random(17);
    private final Map<String, String> personIds = new LinkedHashMap<>();
    private final Map<String, List<String>> membershipsByPerson = new LinkedHashMap<>();
    private int events;
    private int attendances;
    private int rsvps;
    private int contributions;

    private final Function<ServiceSpec, String> baseUrls;

    private DemoData(TokenClient tokens, Function<ServiceSpec, String> baseUrls, LocalDate today) {
        this.tokens = tokens;
        this.baseUrls = baseUrls;
        this.today = today;
    }

    /**
     * Loads the demo data unless it is there already; says what it did on {@code out}.
     *
     * @param baseUrls where each service listens (the dev ports, or a test's own)
     */
    public static void load(String issuer, Function<ServiceSpec, String> baseUrls, PrintStream out) {
        new DemoData(new TokenClient(issuer), baseUrls, LocalDate.now(ZONE)).loadOnce(out);
    }

    private void loadOnce(PrintStream out) {
        String existing = api.get(url(ServiceSpec.COMMUNITY, "/api/communities?size=100"), token("ada")).body();
        if (existing.contains("\"name\":\"" + COMMUNITIES.get(0).name() + "\"")) {
            out.println("  Demo data: already loaded.");
            return;
        }
        long begin = System.nanoTime();
        PEOPLE.forEach(person -> personIds.put(person, TokenClient.subjectOf(token(person))));
        Map<Community, String> ids = new LinkedHashMap<>();
        for (Community community : COMMUNITIES) {
            ids.put(community, found(community));
        }
        ids.forEach(this::join);
        ids.forEach(this::setGoals);
        ids.forEach(this::holdPastEvents);
        ids.forEach(this::scheduleUpcomingEvents);
        PEOPLE.forEach(this::logContributions);
        out.printf("  Demo data: %d communities, %d events (%d attendances, %d RSVPs), %d contributions of %d people"
                        + " (%.0f s)%n", ids.size(), events, attendances, rsvps, contributions, PEOPLE.size(),
                (System.nanoTime() - begin) / 1e9);
    }

    private String found(Community community) {
        return api.write("POST", url(ServiceSpec.COMMUNITY, "/api/communities"), token(community.founder()),
                "{\"name\":\"" + community.name() + "\",\"description\":\"" + community.description()
                        + "\",\"practiceArea\":\"" + community.practiceArea() + "\",\"visibility\":\""
                        + (community.open() ? "OPEN" : "REQUEST_TO_JOIN") + "\"}").id();
    }

    private void join(Community community, String id) {
        membershipsByPerson.computeIfAbsent(community.founder(), p -> new ArrayList<>()).add(id);
        for (String person : PEOPLE) {
            if (person.equals(community.founder()) || random.nextInt(100) >= (community.open() ? 45 : 15)) {
                continue;
            }
            api.write("POST", url(ServiceSpec.MEMBERSHIP, "/api/communities/" + id + "/members"), token(person), null);
            if (community.open()) {
                membershipsByPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(id);
            }
        }
    }

    private void setGoals(Community community, String id) {
        String goals = url(ServiceSpec.COMMUNITY, "/api/communities/" + id + "/goals");
        String lead = token(community.founder());
        LocalDate quarterEnd = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 3)
                .plusMonths(1).minusDays(1);
        LocalDate due = quarterEnd.isAfter(today.plusWeeks(3)) ? quarterEnd : quarterEnd.plusMonths(3);
        api.write("POST", goals, lead, "{\"title\":\"Hold 6 sessions\",\"metric\":\"SESSIONS_HELD\",\"target\":6,"
                + "\"dueDate\":\"" + due + "\"}");
        api.write("POST", goals, lead, "{\"title\":\"Invest 150 hours together\",\"metric\":\"HOURS_INVESTED\","
                + "\"target\":150,\"dueDate\":\"" + due + "\"}");
        if (community.name().equals("Java Guild")) {
            String custom = api.write("POST", goals, lead, "{\"title\":\"Publish 4 blog posts\",\"metric\":\"CUSTOM\","
                    + "\"unit\":\"blog posts\",\"target\":4,\"dueDate\":\"" + due + "\"}").id();
            api.write("POST", goals + "/" + custom + "/check-ins", lead,
                    "{\"value\":1,\"comment\":\"First post on records and sealed types is out.\"}");
        }
    }

    private void holdPastEvents(Community community, String id) {
        List<String> members = membersOf(id);
        // Within the 7 days an event may be recorded after the fact, even when a weekend moves the day back.
        for (int daysAgo : new int[] {4, 2}) {
            LocalDate day = weekday(today.minusDays(daysAgo));
            String event = schedule(community, id, community.name() + " session", day, 16, null);
            StringBuilder attendees = new StringBuilder();
            for (String person : members) {
                // The founder organises: nobody records their own attendance.
                if (!person.equals(community.founder()) && random.nextInt(100) < 70) {
                    attendees.append(attendees.isEmpty() ? "" : ",").append("{\"personId\":\"")
                            .append(personIds.get(person)).append("\"}");
                    attendances++;
                }
            }
            if (!attendees.isEmpty()) {
                api.write("POST", url(ServiceSpec.EVENT, "/api/events/" + event + "/check-ins/bulk"),
                        token(community.founder()), "{\"attendees\":[" + attendees + "]}");
            }
        }
    }

    private void scheduleUpcomingEvents(Community community, String id) {
        List<String> members = membersOf(id);
        int weekIndex = 0;
        for (int daysAhead : new int[] {2, 7, 14}) {
            LocalDate day = weekdayFrom(today.plusDays(daysAhead));
            // The first upcoming event of each community is small, so the portal shows a waitlist.
            Integer capacity = weekIndex++ == 0 ? 5 : null;
            String event = schedule(community, id, community.name() + " meetup", day, 17, capacity);
            for (String person : members) {
                if (random.nextInt(100) < 60) {
                    api.write("PUT", url(ServiceSpec.EVENT, "/api/events/" + event + "/rsvp"), token(person),
                            "{\"status\":\"GOING\"}");
                    rsvps++;
                }
            }
        }
    }

    private String schedule(Community community, String id, String title, LocalDate day, int hour, Integer capacity) {
        Instant start = day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
        events++;
        return api.write("POST", url(ServiceSpec.EVENT, "/api/events"), token(community.founder()),
                "{\"title\":\"" + title + "\",\"type\":\"" + community.category() + "\",\"format\":\"IN_PERSON\","
                        + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(90 * 60) + "\","
                        + "\"timeZone\":\"" + ZONE + "\",\"location\":\"Atrium, 2nd floor\","
                        + (capacity == null ? "" : "\"capacity\":" + capacity + ",")
                        + "\"communityId\":\"" + id + "\"}").id();
    }

    private void logContributions(String person) {
        List<String> communities = membershipsByPerson.getOrDefault(person, List.of());
        if (communities.isEmpty()) {
            return;
        }
        boolean enthusiast = ENTHUSIASTS.contains(person);
        int days = enthusiast ? 14 : 2 + random.nextInt(6);
        for (int i = 0; i < days; i++) {
            LocalDate date = weekday(today.minusDays(1 + random.nextInt(25)));
            int minutes = enthusiast ? 150 + random.nextInt(120) : 30 + random.nextInt(120);
            String body = "{\"communityId\":\"" + communities.get(random.nextInt(communities.size())) + "\",\"kind\":\""
                    + CONTRIBUTION_KINDS[random.nextInt(CONTRIBUTION_KINDS.length)] + "\",\"date\":\"" + date
                    + "\",\"minutes\":" + minutes + "}";
            if (api.tryWrite("POST", url(ServiceSpec.MEMBERSHIP, "/api/contributions"), token(person), body).isPresent()) {
                contributions++;
            }
        }
    }

    private List<String> membersOf(String communityId) {
        return membershipsByPerson.entrySet().stream().filter(e -> e.getValue().contains(communityId))
                .map(Map.Entry::getKey).toList();
    }

    /** The day itself, or the Friday before when it falls on a weekend (nobody meets on Sunday). */
    private static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(2);
            default -> day;
        };
    }

    /** The day itself, or the Monday after when it falls on a weekend. */
    private static LocalDate weekdayFrom(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    private String token(String person) {
        return tokens.accessToken(person, TokenClient.DEMO_PASSWORD);
    }

    private String url(ServiceSpec service, String path) {
        return baseUrls.apply(service) + path;
    }

}
