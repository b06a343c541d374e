package io.guildhall.benchmarks.scale;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.SchemaValidator;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.contribution.ContributionCorrected;
import io.guildhall.contracts.contribution.ContributionLogged;
import io.guildhall.contracts.event.AttendanceCorrected;
import io.guildhall.contracts.event.AttendanceRecorded;
import io.guildhall.contracts.event.EventScheduled;
import io.guildhall.contracts.event.RsvpConfirmed;
import io.guildhall.contracts.membership.MembershipJoined;
import io.guildhall.contracts.person.PersonErased;
import io.guildhall.contracts.person.PersonProfileChanged;
import io.guildhall.contracts.person.PersonRegistered;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A whole organisation's history as its services would have published it, for the scale benchmark: {@code people}
 * employees over the {@code weeks} full weeks before this one, as valid CloudEvents on their topics, in time order
 * week by week. Deterministic for a seed.
 *
 * <p>The mix: every person registered (15 % part-time), one to three community memberships each; each week
 * {@code attendancesPerPersonWeek × people / attendeesPerEvent} events, each scheduled, with 25 % more people
 * answering GOING than attend, and the attendance recorded by the organiser (3 % corrected later, a fifth of those to
 * 0); contributions by a fifth of the people each week (5 % corrected); five holiday weeks a person (no activity);
 * 8 % of the people change department during the year, and 0.1 % are erased (nothing about them afterwards).
 *
 * <p>Every record of a type's first hundred and every hundredth after that is checked against its JSON Schema, so a
 * generator mistake shows before the run and not as a dead letter.
 */
final class Organisation {

    private static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Marketing", "Finance", "People",
            "Operations", "Legal", "Support", "Product", "Design", "Data", "Security");
    private static final List<String> LEVELS = List.of("L1", "L2", "L3", "L4", "L5");
    private static final List<String> LOCATIONS = List.of("Berlin", "London", "Lisbon", "Warsaw", "Madrid", "Remote");
    private static final List<String> CATEGORIES = List.of("TRAINING", "SPORTS", "PARTY", "CONFERENCE", "COMMUNITY_MEETUP");
    private static final List<String> KINDS = List.of("MENTORING", "SPEAKING", "ORGANISING", "ANSWERING_QUESTIONS",
            "WRITING", "BEING_MENTORED");
    private static final int HOLIDAY_WEEKS = 5;
    private static final String ZONE = "Europe/Berlin";

    private final int people;
    private final int weeks;
    private final int attendeesPerEvent;
    private final double attendancesPerPersonWeek;
    private final String firstPersonId;
    private final Random random;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaValidator validator = SchemaValidator.shared();
    private final Map<String, Long> counts = new TreeMap<>();
    private final LocalDate firstMonday;

    /**
     * @param firstPersonId the id of person 0 (a real Keycloak user, so that the benchmark can ask for their
     *                      {@code me} report), or null for a random one
     */
    Organisation(int people, int weeks, int attendeesPerEvent, double attendancesPerPersonWeek, String firstPersonId,
                 long seed) {
        this.people = people;
        this.weeks = weeks;
        this.attendeesPerEvent = attendeesPerEvent;
        this.attendancesPerPersonWeek = attendancesPerPersonWeek;
        this.firstPersonId = firstPersonId;
        this.random = new Random(seed);
        this.firstMonday = LocalDate.now(ZoneId.of(ZONE)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(weeks);
    }

    LocalDate firstDay() {
        return firstMonday;
    }

    LocalDate lastDay() {
        return firstMonday.plusWeeks(weeks).minusDays(1);
    }

    /** How many records of each CloudEvents type were generated so far. */
    Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    List<UUID> communities() {
        return communities;
    }

    private final List<String> personIds = new ArrayList<>();
    private final List<UUID> communities = new ArrayList<>();
    private List<List<UUID>> memberships;
    private boolean[][] onHoliday;
    private int[] erasedInWeek;
    private int[] movesInWeek;
    private String admin;

    /** Sends every record to {@code sink}, setup first, then week by week. */
    void generate(Consumer<ProducerRecord<String, byte[]>> sink) {
        Instant start = firstMonday.atStartOfDay(ZoneId.of(ZONE)).toInstant();
        admin = UUID.randomUUID().toString();
        for (int i = 0; i < people; i++) {
            personIds.add(i == 0 && firstPersonId != null ? firstPersonId : UUID.randomUUID().toString());
        }
        onHoliday = new boolean[people][weeks];
        erasedInWeek = new int[people];
        movesInWeek = new int[people];
        for (int i = 0; i < people; i++) {
            for (int h = 0; h < HOLIDAY_WEEKS && weeks > HOLIDAY_WEEKS; h++) {
                onHoliday[i][random.nextInt(weeks)] = true;
            }
            erasedInWeek[i] = i > 0 && random.nextInt(1000) == 0 ? random.nextInt(weeks) : -1;
            movesInWeek[i] = random.nextInt(100) < 8 ? 1 + random.nextInt(Math.max(1, weeks - 1)) : -1;
            String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
            int hours = random.nextInt(100) < 15 ? List.of(20, 24, 32).get(random.nextInt(3)) : 40;
            emit(sink, Topics.PERSON, new PersonRegistered(personIds.get(i), null, department,
                    LEVELS.get(random.nextInt(LEVELS.size())), LOCATIONS.get(random.nextInt(LOCATIONS.size())), null,
                    hours, false, true, firstMonday, start), "/membership-service", start);
        }
        int communityCount = Math.max(5, people / 100);
        for (int c = 0; c < communityCount; c++) {
            UUID id = UUID.randomUUID();
            communities.add(id);
            String slug = "scale-" + id.toString().substring(0, 13);
            emit(sink, Topics.COMMUNITY, new CommunityFounded(id, slug, "Scale Circle " + c,
                    "A community of the scale benchmark", "benchmarking", "OPEN",
                    personIds.get(random.nextInt(people)), start), "/community-service", start);
        }
        memberships = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            Set<UUID> mine = new HashSet<>();
            int count = 1 + random.nextInt(3);
            while (mine.size() < count) {
                mine.add(communities.get(random.nextInt(communities.size())));
            }
            memberships.add(new ArrayList<>(mine));
            for (UUID community : mine) {
                emit(sink, Topics.MEMBERSHIP, new MembershipJoined(community, personIds.get(i), "MEMBER", "OPEN_JOIN",
                        start), "/membership-service", start);
            }
        }
        for (int week = 0; week < weeks; week++) {
            week(sink, week);
        }
    }

    private boolean active(int person, int week) {
        return erasedInWeek[person] < 0 || week < erasedInWeek[person];
    }

    private void week(Consumer<ProducerRecord<String, byte[]>> sink, int week) {
        LocalDate monday = firstMonday.plusWeeks(week);
        Instant mondayStart = monday.atStartOfDay(ZoneId.of(ZONE)).toInstant();
        for (int i = 0; i < people; i++) {
            if (movesInWeek[i] == week && active(i, week)) {
                emit(sink, Topics.PERSON, new PersonProfileChanged(personIds.get(i), null,
                        DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())), LEVELS.get(random.nextInt(LEVELS.size())),
                        LOCATIONS.get(random.nextInt(LOCATIONS.size())), null, 40, false, true, monday, mondayStart),
                        "/membership-service", mondayStart);
            }
        }
        int events = Math.max(1, (int) Math.round(attendancesPerPersonWeek * people / attendeesPerEvent));
        for (int e = 0; e < events; e++) {
            event(sink, week, monday);
        }
        for (int i = 0; i < people; i++) {
            if (!active(i, week) || onHoliday[i][week] || random.nextInt(5) != 0) {
                continue;
            }
            UUID id = UUID.randomUUID();
            List<UUID> mine = memberships.get(i);
            UUID community = mine.get(random.nextInt(mine.size()));
            String kind = KINDS.get(random.nextInt(KINDS.size()));
            String direction = kind.equals("BEING_MENTORED") ? "TAKING" : "GIVING";
            LocalDate date = monday.plusDays(random.nextInt(5));
            Instant logged = date.atStartOfDay(ZoneId.of(ZONE)).toInstant().plus(Duration.ofHours(18));
            int minutes = 30 + random.nextInt(91);
            emit(sink, Topics.CONTRIBUTION, new ContributionLogged(id, personIds.get(i), community, kind, direction, date,
                    minutes, logged), "/community-service", logged);
            if (random.nextInt(20) == 0) {
                Instant corrected = logged.plus(Duration.ofDays(1));
                emit(sink, Topics.CONTRIBUTION, new ContributionCorrected(id, personIds.get(i), community, kind,
                        direction, date, Math.max(15, minutes - 30), corrected), "/community-service", corrected);
            }
        }
        for (int i = 0; i < people; i++) {
            if (erasedInWeek[i] == week) {
                Instant erased = mondayStart.plus(Duration.ofDays(6));
                emit(sink, Topics.PERSON, new PersonErased(personIds.get(i), admin, erased), "/membership-service", erased);
            }
        }
    }

    private void event(Consumer<ProducerRecord<String, byte[]>> sink, int week, LocalDate monday) {
        UUID eventId = UUID.randomUUID();
        UUID community = communities.get(random.nextInt(communities.size()));
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        Instant startsAt = monday.plusDays(random.nextInt(5)).atStartOfDay(ZoneId.of(ZONE)).toInstant()
                .plus(Duration.ofHours(9 + random.nextInt(8)));
        int length = List.of(60, 90, 120, 180).get(random.nextInt(4));
        Instant endsAt = startsAt.plus(Duration.ofMinutes(length));
        int organiser = random.nextInt(people);
        Instant scheduled = startsAt.minus(Duration.ofDays(14));
        emit(sink, Topics.EVENT, new EventScheduled(eventId, null, "Scale event", null, category, "IN_PERSON", startsAt,
                endsAt, ZONE, "Main hall", null, null, null, personIds.get(organiser), community, scheduled, false),
                "/event-service", scheduled);
        int answering = attendeesPerEvent + attendeesPerEvent / 4;
        Set<Integer> chosen = new HashSet<>();
        for (int tries = 0; chosen.size() < answering && tries < answering * 4; tries++) {
            int person = random.nextInt(people);
            if (person != organiser && active(person, week) && !onHoliday[person][week]) {
                chosen.add(person);
            }
        }
        int n = 0;
        for (int person : chosen) {
            String id = personIds.get(person);
            Instant confirmed = startsAt.minus(Duration.ofDays(2 + random.nextInt(10)));
            emit(sink, Topics.EVENT, new RsvpConfirmed(eventId, id, community, category, startsAt, endsAt, ZONE, confirmed),
                    "/event-service", confirmed);
            if (n++ >= attendeesPerEvent) {
                continue; // answered GOING, did not come
            }
            int minutes = random.nextInt(10) == 0 ? 30 + random.nextInt(length - 30) : length;
            emit(sink, Topics.EVENT, new AttendanceRecorded(eventId, id, community, category, startsAt, endsAt, ZONE,
                    minutes, "ORGANISER", personIds.get(organiser), endsAt, false), "/event-service", endsAt);
            if (random.nextInt(33) == 0) {
                Instant corrected = endsAt.plus(Duration.ofDays(1));
                int now = random.nextInt(5) == 0 ? 0 : Math.max(1, minutes - 30);
                emit(sink, Topics.EVENT, new AttendanceCorrected(eventId, id, community, category, startsAt, endsAt, ZONE,
                        minutes, now, personIds.get(organiser), corrected), "/event-service", corrected);
            }
        }
    }

    private void emit(Consumer<ProducerRecord<String, byte[]>> sink, String topic, GuildhallEvent event, String source,
                      Instant time) {
        CloudEventHeaders headers = CloudEventHeaders.newEvent(event, source, time, null);
        byte[] value = json.writeValueAsBytes(event);
        long seen = counts.merge(headers.type(), 1L, Long::sum);
        if (seen <= 100 || seen % 100 == 0) {
            validator.requireValidEvent(headers.toKafkaHeaders(), value);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.aggregateId(), value);
        for (Map.Entry<String, byte[]> header : headers.toKafkaHeaders().entrySet()) {
            record.headers().add(header.getKey(), header.getValue());
        }
        sink.accept(record);
    }
}
