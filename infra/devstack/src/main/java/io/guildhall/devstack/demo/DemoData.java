package io.guildhall.devstack.demo;

import io.guildhall.devstack.ServiceSpec;
import io.guildhall.devstack.TokenClient;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An organisation of 300 people with a quarter of history, loaded through the services' public APIs by the demo
 * people themselves (so every figure flows through Kafka exactly as in production): 12 communities and their goals,
 * members and pending join requests; 13 weeks of past events of every type with attendance, no-shows and waitlists,
 * brought in by the admin as an organisation brings the history of its previous tool ({@code POST
 * /api/events/history}); events held in the last days with attendance recorded by their organisers, upcoming events
 * with RSVPs and waitlists, and a month of logged contributions. The 276 people beyond the realm file's 24 are
 * registered in Keycloak first ({@link DemoPeople}). Loaded once: a stack that already has the demo communities is
 * left alone. The random choices use a fixed seed, so every fresh stack tells the same story; the writes of one step
 * go out four at a time.
 */
public final class DemoData {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /** The demo realm's people (infra/keycloak/realm/guildhall-realm.json), password "demo". */
    static final List<String> REALM_PEOPLE = List.of("ada", "grace", "katherine", "alan", "barbara", "edsger", "margaret",
            "donald", "frances", "john", "radia", "ken", "dennis", "tim", "hedy", "claude", "annie", "mary", "dorothy",
            "niklaus", "joan", "leslie", "shafi", "sophie");
    /** Memberships the demo's three named people always hold, so that their pages have a story to tell. */
    private static final Map<String, List<String>> NAMED_MEMBERSHIPS = Map.of(
            "ada", List.of("Java Guild", "Running Club", "Data and AI", "Frontend Craft"),
            "grace", List.of("Platform Engineering", "Women in Tech"),
            "katherine", List.of("Operations Excellence", "Product Discovery"));
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
                    "One design language across our products; members review components together."),
            new Community("Data and AI", "data", "katherine", true, "CONFERENCE",
                    "Analytics, machine learning and the questions our data can answer; an annual in-house conference."),
            new Community("Security Champions", "security", "shafi", false, "TRAINING",
                    "One champion per team: threat modelling, secure code reviews and capture-the-flag evenings."),
            new Community("Board Games", "games", "donald", true, "PARTY",
                    "Friday evenings of strategy, cooperation and far too many rules."),
            new Community("Frontend Craft", "frontend", "mary", true, "COMMUNITY_MEETUP",
                    "Accessible, fast web pages: show-and-tells, pairing and browser news."),
            new Community("Women in Tech", "diversity", "frances", true, "COMMUNITY_MEETUP",
                    "A network for women and allies across the company: mentoring, talks and visibility."),
            new Community("Cycling Crew", "cycling", "claude", true, "SPORTS",
                    "Commutes, weekend rides and the charity tour in spring."),
            new Community("Product Discovery", "product", "barbara", false, "CONFERENCE",
                    "Interviews, experiments and the art of not building the wrong thing."));

    private static final String[] CONTRIBUTION_KINDS =
            {"MENTORING", "SPEAKING", "ORGANISING", "ANSWERING_QUESTIONS", "WRITING", "BEING_MENTORED", "LEARNING"};

    private final DemoApi api = new DemoApi();
    private final TokenClient tokens;
    private final LocalDate today;
    private final Random random = new Random(17);
    /** Everyone: the realm's 24 and the generated 276 (only the 24 when those could not be registered). */
    private List<String> people;
    private final Map<String, String> personIds = new ConcurrentHashMap<>();
    private final Map<String, List<String>> membershipsByPerson = new LinkedHashMap<>();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger attendances = new AtomicInteger();
    private final AtomicInteger rsvps = new AtomicInteger();
    private final AtomicInteger contributions = new AtomicInteger();
    private final AtomicInteger imported = new AtomicInteger();
    private final AtomicInteger noShows = new AtomicInteger();
    private final AtomicInteger waitlisted = new AtomicInteger();
    private final AtomicInteger feedback = new AtomicInteger();
    private static final String[] COMMENTS = {"Well paced, good examples", "More hands-on time next time, please",
            "Great to meet people from other teams"};
    private PrintStream out;
    private long stepBegan;

    private final Function<ServiceSpec, String> baseUrls;

    private DemoData(TokenClient tokens, Function<ServiceSpec, String> baseUrls, LocalDate today) {
        this.tokens = tokens;
        this.baseUrls = baseUrls;
        this.today = today;
        List<String> everyone = new ArrayList<>(REALM_PEOPLE);
        everyone.addAll(DemoPeople.usernames());
        this.people = List.copyOf(everyone);
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
        this.out = out;
        String existing = api.get(url(ServiceSpec.COMMUNITY, "/api/communities?size=100"), token("ada")).body();
        if (existing.contains("\"name\":\"" + COMMUNITIES.get(0).name() + "\"")) {
            out.println("  Demo data: already loaded.");
            return;
        }
        long begin = System.nanoTime();
        step();
        try {
            token(people.get(REALM_PEOPLE.size()));
        } catch (IllegalStateException notRegistered) {
            out.println("    demo: the generated people cannot sign in (" + notRegistered.getMessage()
                    + "); loading with the realm's " + REALM_PEOPLE.size() + " people");
            people = REALM_PEOPLE;
        }
        inParallel(people.stream().<Runnable>map(person -> () ->
                personIds.put(person, TokenClient.subjectOf(token(person)))).toList());
        done("%d people signed in", people.size());
        Map<Community, String> ids = new LinkedHashMap<>();
        inParallel(COMMUNITIES.stream().<Runnable>map(community -> () -> {
            String id = found(community);
            synchronized (ids) {
                ids.put(community, id);
            }
        }).toList());
        Map<Community, String> founded = new LinkedHashMap<>();
        COMMUNITIES.forEach(community -> founded.put(community, ids.get(community)));
        done("%d communities founded", founded.size());
        List<Runnable> joins = new ArrayList<>();
        founded.forEach((community, id) -> joins.addAll(join(community, id)));
        inParallel(joins);
        done("%d memberships and join requests", joins.size());
        inParallel(founded.entrySet().stream().<Runnable>map(e -> () -> setGoals(e.getKey(), e.getValue())).toList());
        done("goals set");
        List<Runnable> history = new ArrayList<>();
        founded.forEach((community, id) -> history.addAll(importHistory(community, id)));
        inParallel(history);
        done("13 weeks of history: %d events imported (%d attendances, %d no-shows, %d waitlisted)", imported.get(),
                attendances.get(), noShows.get(), waitlisted.get());
        List<Runnable> past = new ArrayList<>();
        founded.forEach((community, id) -> past.addAll(holdPastEvents(community, id)));
        inParallel(past);
        done("%d events held in the last days, %d attendances in all, %d ratings", events.get(), attendances.get(),
                feedback.get());
        List<Runnable> upcoming = new ArrayList<>();
        founded.forEach((community, id) -> upcoming.addAll(scheduleUpcomingEvents(community, id)));
        inParallel(upcoming);
        done("upcoming events with %d RSVPs", rsvps.get());
        List<Runnable> logged = new ArrayList<>();
        people.forEach(person -> logged.addAll(logContributions(person)));
        inParallel(logged);
        done("%d contributions logged", contributions.get());
        out.printf("  Demo data: %d communities, %d events (%d attendances, %d RSVPs), %d contributions of %d people"
                        + " (%.0f s)%n", founded.size(), imported.get() + events.get(), attendances.get(), rsvps.get(), contributions.get(),
                people.size(), (System.nanoTime() - begin) / 1e9);
    }

    private void step() {
        stepBegan = System.nanoTime();
    }

    /** One progress line per step. */
    private void done(String what, Object... args) {
        out.printf("    demo: " + what + " (%.1f s)%n", concat(args, (System.nanoTime() - stepBegan) / 1e9));
        step();
    }

    private static Object[] concat(Object[] args, double seconds) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = seconds;
        return all;
    }

    /** Runs one step's writes four at a time (the services take them in any order); the first failure ends it. */
    private static void inParallel(List<Runnable> writes) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = writes.stream().<Future<?>>map(pool::submit)
                    .toList();
            for (Future<?> write : running) {
                write.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private String found(Community community) {
        return api.write("POST", url(ServiceSpec.COMMUNITY, "/api/communities"), token(community.founder()),
                "{\"name\":\"" + community.name() + "\",\"description\":\"" + community.description()
                        + "\",\"practiceArea\":\"" + community.practiceArea() + "\",\"visibility\":\""
                        + (community.open() ? "OPEN" : "REQUEST_TO_JOIN") + "\","
                        // Where it talks: a Slack channel and a mailing list of the (example) organisation.
                        + "\"channels\":[{\"kind\":\"SLACK\",\"url\":\"https://example.slack.com/archives/"
                        + community.practiceArea() + "\"},{\"kind\":\"MAILING_LIST\",\"url\":\"mailto:"
                        + community.practiceArea() + "@lists.example.com\"}]}").id();
    }

    /** Who joins (open) or asks to (request-to-join): the demo's three named people always, others by chance. */
    private List<Runnable> join(Community community, String id) {
        membershipsByPerson.computeIfAbsent(community.founder(), p -> new ArrayList<>()).add(id);
        List<Runnable> writes = new ArrayList<>();
        for (String person : people) {
            boolean named = NAMED_MEMBERSHIPS.getOrDefault(person, List.of()).contains(community.name());
            int chance = REALM_PEOPLE.contains(person) ? (community.open() ? 45 : 15) : (community.open() ? 11 : 3);
            if (person.equals(community.founder()) || (!named && random.nextInt(100) >= chance)) {
                continue;
            }
            writes.add(() -> api.write("POST", url(ServiceSpec.MEMBERSHIP, "/api/communities/" + id + "/members"),
                    token(person), null));
            if (community.open()) {
                membershipsByPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(id);
            }
        }
        return writes;
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

    /** Every event type, so the history holds trainings, games, parties, conferences and meetups in every community. */
    private static final List<String> CATEGORIES = List.of("TRAINING", "SPORTS", "PARTY", "CONFERENCE", "COMMUNITY_MEETUP");
    /** The admin who brings the history in (realm role admin). */
    private static final String ADMIN = "dennis";

    /**
     * One event a week for the 13 weeks before the last one, imported by the admin: most weeks the community's own
     * kind of event, every third week another kind; about 70 % of the members attend (the named people more often),
     * one in ten says yes and does not come, and every fourth event is full, with a waitlist.
     */
    private List<Runnable> importHistory(Community community, String id) {
        List<String> members = membersOf(id);
        List<Runnable> writes = new ArrayList<>();
        for (int week = 1; week <= 13; week++) {
            String category = week % 3 == 0 ? CATEGORIES.get((CATEGORIES.indexOf(community.category()) + week) % 5)
                    : community.category();
            LocalDate day = weekday(today.minusWeeks(week).minusDays(3));
            List<String> attended = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            List<String> stayedAway = new ArrayList<>();
            for (String person : members) {
                if (person.equals(community.founder()) || person.equals(ADMIN)) {
                    continue;
                }
                int roll = random.nextInt(100);
                int attends = NAMED_MEMBERSHIPS.containsKey(person) || ENTHUSIASTS.contains(person) ? 85 : 65;
                if (roll < attends) {
                    attended.add(person);
                } else if (roll < attends + 10) {
                    absent.add(person);
                } else {
                    stayedAway.add(person);
                }
            }
            boolean full = week % 4 == 2 && !stayedAway.isEmpty();
            List<String> waiting = full ? stayedAway.subList(0, Math.min(3, stayedAway.size())) : List.of();
            Integer capacity = full ? attended.size() + absent.size() : null;
            if (capacity != null && capacity == 0) {
                continue;
            }
            attendances.addAndGet(attended.size());
            noShows.addAndGet(absent.size());
            waitlisted.addAndGet(waiting.size());
            imported.incrementAndGet();
            String body = historyBody(community, id, category, day, capacity, attended, absent, waiting);
            writes.add(() -> api.write("POST", url(ServiceSpec.EVENT, "/api/events/history"), token(ADMIN), body));
        }
        return writes;
    }

    private String historyBody(Community community, String id, String category, LocalDate day, Integer capacity,
                               List<String> attended, List<String> absent, List<String> waiting) {
        // A conference takes the working day, a party the evening, everything else an afternoon's 90 minutes.
        LocalTime from = switch (category) {
            case "CONFERENCE" -> LocalTime.of(9, 0);
            case "PARTY" -> LocalTime.of(18, 0);
            default -> LocalTime.of(16, 0);
        };
        int minutes = switch (category) {
            case "CONFERENCE" -> 480;
            case "PARTY" -> 180;
            default -> 90;
        };
        Instant start = day.atTime(from).atZone(ZONE).toInstant();
        String title = switch (category) {
            case "TRAINING" -> community.name() + " workshop";
            case "SPORTS" -> community.name() + " games afternoon";
            case "PARTY" -> community.name() + " get-together";
            case "CONFERENCE" -> community.name() + " day";
            default -> community.name() + " meetup";
        };
        return "{\"title\":\"" + title + "\",\"type\":\"" + category + "\",\"format\":\"IN_PERSON\","
                + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(minutes * 60L) + "\","
                + "\"timeZone\":\"" + ZONE + "\",\"location\":\"Atrium, 2nd floor\","
                + (capacity == null ? "" : "\"capacity\":" + capacity + ",")
                + "\"communityId\":\"" + id + "\",\"organiserId\":\"" + personIds.get(community.founder()) + "\","
                + "\"attended\":[" + String.join(",", attended.stream()
                        .map(p -> "{\"personId\":\"" + personIds.get(p) + "\"}").toList()) + "],"
                + "\"noShows\":" + ids(absent) + ",\"waitlisted\":" + ids(waiting) + "}";
    }

    private String ids(List<String> people) {
        return "[" + String.join(",", people.stream().map(p -> "\"" + personIds.get(p) + "\"").toList()) + "]";
    }

    private List<Runnable> holdPastEvents(Community community, String id) {
        List<String> members = membersOf(id);
        List<Runnable> writes = new ArrayList<>();
        // Within the 7 days an event may be recorded after the fact, even when a weekend moves the day back.
        for (int daysAgo : new int[] {4, 2}) {
            LocalDate day = weekday(today.minusDays(daysAgo));
            StringBuilder attendees = new StringBuilder();
            for (String person : members) {
                // The founder organises: nobody records their own attendance. Some members stay away.
                if (!person.equals(community.founder()) && random.nextInt(100) < 70) {
                    attendees.append(attendees.isEmpty() ? "" : ",").append("{\"personId\":\"")
                            .append(personIds.get(person)).append("\"}");
                    attendances.incrementAndGet();
                }
            }
            // Some of those checked in rate it, as the event page asks them to.
            List<String> raters = members.stream().filter(person -> !person.equals(community.founder())
                    && attendees.indexOf(personIds.get(person)) >= 0).limit(6).toList();
            List<Integer> ratings = raters.stream().map(person -> 3 + random.nextInt(3)).toList();
            writes.add(() -> {
                String event = schedule(community, id, community.name() + " session", day, 16, null);
                if (!attendees.isEmpty()) {
                    api.write("POST", url(ServiceSpec.EVENT, "/api/events/" + event + "/check-ins/bulk"),
                            token(community.founder()), "{\"attendees\":[" + attendees + "]}");
                }
                for (int i = 0; i < raters.size(); i++) {
                    api.write("POST", url(ServiceSpec.EVENT, "/api/events/" + event + "/feedback"), token(raters.get(i)),
                            "{\"rating\":" + ratings.get(i) + (i % 2 == 0 ? ",\"comment\":\"" + COMMENTS[i % COMMENTS.length]
                                    + "\"" : "") + "}");
                    feedback.incrementAndGet();
                }
            });
        }
        return writes;
    }

    private List<Runnable> scheduleUpcomingEvents(Community community, String id) {
        List<String> members = membersOf(id);
        List<Runnable> writes = new ArrayList<>();
        int weekIndex = 0;
        for (int daysAhead : new int[] {2, 7, 14}) {
            LocalDate day = weekdayFrom(today.plusDays(daysAhead));
            // The first upcoming event of each community is small, so the portal shows a waitlist.
            Integer capacity = weekIndex++ == 0 ? 5 : null;
            List<String> going = members.stream().filter(person -> random.nextInt(100) < 60).toList();
            rsvps.addAndGet(going.size());
            // The first upcoming event has a co-organiser: a member who helps check people in.
            String helper = weekIndex == 1 ? members.stream().filter(person -> !person.equals(community.founder()))
                    .findFirst().orElse(null) : null;
            writes.add(() -> {
                String event = schedule(community, id, community.name() + " meetup", day, 17, capacity);
                if (helper != null) {
                    api.write("PUT", url(ServiceSpec.EVENT, "/api/events/" + event + "/co-organisers/" + personIds.get(helper)),
                            token(community.founder()), null);
                }
                // In order, so that the waitlist's positions follow the answers.
                for (String person : going) {
                    api.write("PUT", url(ServiceSpec.EVENT, "/api/events/" + event + "/rsvp"), token(person),
                            "{\"status\":\"GOING\"}");
                }
            });
        }
        return writes;
    }

    private String schedule(Community community, String id, String title, LocalDate day, int hour, Integer capacity) {
        Instant start = day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
        events.incrementAndGet();
        return api.write("POST", url(ServiceSpec.EVENT, "/api/events"), token(community.founder()),
                "{\"title\":\"" + title + "\",\"type\":\"" + community.category() + "\",\"format\":\"IN_PERSON\","
                        + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(90 * 60) + "\","
                        + "\"timeZone\":\"" + ZONE + "\",\"location\":\"Atrium, 2nd floor\","
                        + (capacity == null ? "" : "\"capacity\":" + capacity + ",")
                        + "\"communityId\":\"" + id + "\"}").id();
    }

    private List<Runnable> logContributions(String person) {
        List<String> communities = membershipsByPerson.getOrDefault(person, List.of());
        if (communities.isEmpty()) {
            return List.of();
        }
        boolean enthusiast = ENTHUSIASTS.contains(person);
        int days = enthusiast ? 14 : REALM_PEOPLE.contains(person) ? 2 + random.nextInt(6) : random.nextInt(4);
        List<Runnable> writes = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate date = weekday(today.minusDays(1 + random.nextInt(25)));
            int minutes = enthusiast ? 150 + random.nextInt(120) : 30 + random.nextInt(120);
            String body = "{\"communityId\":\"" + communities.get(random.nextInt(communities.size())) + "\",\"kind\":\""
                    + CONTRIBUTION_KINDS[random.nextInt(CONTRIBUTION_KINDS.length)] + "\",\"date\":\"" + date
                    + "\",\"minutes\":" + minutes + "}";
            writes.add(() -> {
                if (api.tryWrite("POST", url(ServiceSpec.MEMBERSHIP, "/api/contributions"), token(person), body)
                        .isPresent()) {
                    contributions.incrementAndGet();
                }
            });
        }
        return writes;
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
