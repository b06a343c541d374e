package io.guildhall.benchmarks.drills;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.burst.BenchUsers;
import io.guildhall.benchmarks.kafka.KafkaTools;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.benchmarks.stats.LatencySamples;
import io.guildhall.contracts.Topics;
import io.guildhall.benchmarks.kafka.OutboxOnKafka;
import io.guildhall.devstack.Postgres;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * Drills under a steady stream of answers and check-ins to event-service: (b) the Kafka broker stopped for
 * {@code broker-outage=} (1,200) seconds, and (c, event-service's part) event-service's PostgreSQL stopped for
 * {@code outage=} (60) seconds; each then started again on the same data.
 *
 * <p>One thread sends a steady, paced stream ({@code rate=} 10 requests/s) from {@code people=} (200) bench employees
 * with their own tokens: GOING, NOT_GOING, withdrawals, and the organiser's check-ins and withdrawn attendances, on
 * the few events she scheduled last (a new one each minute, 15 seats, so that waitlist promotions happen too). The
 * stream runs {@code before=} (60) s before the fault, all through it and {@code after=} (60) s after it is over.
 * Then the drill waits until event-service's outbox is empty and analytics-service has read the event topic to its
 * end, and compares:
 * <ul>
 *   <li>what people were told (every accepted check-in and withdrawal) with event-service's attendance table;</li>
 *   <li>event-service's answers and attendances with analytics-service's read model, entry by entry;</li>
 *   <li>event-service's outbox with the event topic: every row on Kafka, and per key in the outbox's order;</li>
 *   <li>no outbox row parked, nothing dead-lettered, neither service died, and no answer but 2xx/4xx, except 503
 *       with {@code Retry-After} while event-service's own database is away.</li>
 * </ul>
 */
final class EventLoadDrill {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the drill takes away, and where event-service's database is. */
    interface Fault {
        /** The drill's name in the report, e.g. "(b) broker-away". */
        String drill();

        /** What is stopped, e.g. "the broker". */
        String what();

        /** Environment for event-service (its database, when the fault is that database). */
        Map<String, String> eventServiceEnvironment();

        int eventDbPort();

        String eventDbName();

        /** Whether event-service's database answers while the fault lasts. */
        boolean eventDbUpDuringOutage();

        void stop() throws Exception;

        void start() throws Exception;
    }

    private final BenchContext context;
    private final Fault fault;
    private final int people;
    private final double rate;
    private final Duration before;
    private final Duration outage;
    private final Duration after;
    private final Duration timeout;

    EventLoadDrill(BenchContext context, Fault fault, int people, double rate, Duration before, Duration outage,
                   Duration after, Duration timeout) {
        this.context = context;
        this.fault = fault;
        this.people = people;
        this.rate = rate;
        this.before = before;
        this.outage = outage;
        this.after = after;
        this.timeout = timeout;
    }

    DrillsBenchmark.Outcome run() throws Exception {
        String group = "analytics-load-drill-" + context.runId();
        long deadLettersBefore;
        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            kafka.createGuildhallTopics();
            deadLettersBefore = kafka.endOffsets(Topics.deadLetterOf(Topics.EVENT));
        }
        ServiceJvm analytics = context.start(ServiceSpec.ANALYTICS, "bench_drill_load_analytics",
                Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", group), List.of());
        ServiceJvm events = context.start(ServiceSpec.EVENT, null, fault.eventServiceEnvironment(), List.of());
        BenchUsers users = new BenchUsers(context.stack().keycloakUrl());
        int created = users.ensure(people);
        System.out.printf("[bench] drill %s: %d bench people (%d created), %.0f requests/s, %s away %d s%n",
                fault.drill(), people, created, rate, fault.what(), outage.toSeconds());

        try (Connection analyticsDb = Postgres.connect(context.stack().dbPort(),
                analytics.spec().database().orElseThrow())) {
            Load load = new Load(events.baseUrl(), users, context.stack());
            Thread loader = new Thread(load, "drill-load");
            loader.setDaemon(true);
            loader.start();
            Thread.sleep(before.toMillis());

            long acceptedBeforeStop = load.accepted();
            System.out.printf("[bench] stopping %s after %d accepted requests%n", fault.what(), acceptedBeforeStop);
            fault.stop();
            load.phase(1);
            long stoppedAt = System.nanoTime();
            boolean aliveDuringOutage = true;
            long peakBacklog = 0;
            while (System.nanoTime() - stoppedAt < outage.toNanos()) {
                Thread.sleep(Math.min(10_000, Math.max(1, (outage.toNanos() - (System.nanoTime() - stoppedAt)) / 1_000_000)));
                aliveDuringOutage &= analytics.isAlive() && events.isAlive();
                if (fault.eventDbUpDuringOutage()) {
                    peakBacklog = Math.max(peakBacklog, eventScalar("SELECT count(*) FROM guildhall_outbox WHERE sent_at IS NULL"));
                }
                System.out.printf("[bench] %s away %.0f s: %d requests accepted, answers %s, outbox backlog %d%n",
                        fault.what(), (System.nanoTime() - stoppedAt) / 1e9, load.accepted(), load.statuses(), peakBacklog);
            }
            long acceptedDuringOutage = load.accepted() - acceptedBeforeStop;
            Map<Integer, Long> statusesDuringOutage = load.statuses();
            // The backlog: every row not sent when the fault ends (taken before the broker is back: nothing can be
            // sent before; after the database is back: it cannot be read before).
            if (!fault.eventDbUpDuringOutage()) {
                fault.start();
            }
            long backlog = eventScalar("SELECT count(*) FROM guildhall_outbox WHERE sent_at IS NULL");
            long backlogLastSeq = eventScalar("SELECT COALESCE(max(seq), 0) FROM guildhall_outbox WHERE sent_at IS NULL");
            long parkedDuringOutage = eventScalar("SELECT count(*) FROM guildhall_outbox WHERE parked_at IS NOT NULL");
            System.out.printf("[bench] %s back; outbox backlog %d, parked %d%n", fault.what(), backlog, parkedDuringOutage);
            if (fault.eventDbUpDuringOutage()) {
                fault.start();
            }
            load.phase(2);
            long restartedAt = System.nanoTime();

            // While the stream goes on for `after`: when the backlog is all on Kafka, and when analytics has read the
            // event topic up to where it ended then; then the stream stops and both must reach the very end.
            long deadline = restartedAt + after.toNanos() + timeout.toNanos();
            double drained = Double.NaN;
            double caughtUp = Double.NaN;
            Map<TopicPartition, Long> backlogEnds = null;
            boolean loadStopped = false;
            try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
                while (true) {
                    long now = System.nanoTime();
                    if (!loadStopped && now - restartedAt >= after.toNanos()) {
                        load.stop();
                        loader.join(60_000);
                        loadStopped = true;
                    }
                    if (backlogEnds == null && eventScalar("SELECT count(*) FROM guildhall_outbox WHERE sent_at IS NULL"
                            + " AND seq <= " + backlogLastSeq) == 0) {
                        drained = (now - restartedAt) / 1e9;
                        backlogEnds = kafka.endOffsetsByPartition(Topics.EVENT);
                    }
                    if (backlogEnds != null && Double.isNaN(caughtUp) && kafka.committedAtLeast(group, backlogEnds)) {
                        caughtUp = (now - restartedAt) / 1e9;
                    }
                    if (loadStopped && !Double.isNaN(caughtUp)
                            && eventScalar("SELECT count(*) FROM guildhall_outbox WHERE sent_at IS NULL") == 0
                            && kafka.committedAtLeast(group, kafka.endOffsetsByPartition(Topics.EVENT))) {
                        break;
                    }
                    if (now > deadline) {
                        throw new IllegalStateException("Not caught up by the drill's time limit: outbox "
                                + eventScalar("SELECT count(*) FROM guildhall_outbox WHERE sent_at IS NULL")
                                + " unsent, analytics read " + kafka.committed(group, Topics.EVENT) + " of "
                                + kafka.endOffsets(Topics.EVENT) + " records of the event topic");
                    }
                    Thread.sleep(250);
                }
            }
            Thread.sleep(1_000);

            Map<String, String> answers = eventPairs("SELECT event_id::text || '/' || person_id, status FROM rsvp");
            Map<String, String> answersSeen = pairs(analyticsDb,
                    "SELECT event_id::text || '/' || person_id, status FROM rsvp");
            Map<String, String> attendance = eventPairs(
                    "SELECT event_id::text || '/' || person_id, minutes::text FROM attendance");
            Map<String, String> attendanceSeen = pairs(analyticsDb,
                    "SELECT event_id::text || '/' || person_id, minutes::text FROM participation WHERE source = 'ATTENDANCE'");

            Set<String> wrongAnswers = new TreeSet<>();
            Set<String> keys = new HashSet<>(answers.keySet());
            keys.addAll(answersSeen.keySet());
            for (String key : keys) {
                String accepted = answers.get(key);
                String seen = answersSeen.get(key);
                // A withdrawn answer is gone from event-service and CANCELLED in analytics.
                boolean same = accepted == null ? (seen == null || seen.equals("CANCELLED")) : accepted.equals(seen);
                if (!same) {
                    wrongAnswers.add(key + " " + accepted + " vs " + seen);
                }
            }
            long lostAttendance = 0;
            long extraAttendance = 0;
            for (String key : union(attendance.keySet(), attendanceSeen.keySet())) {
                long accepted = Long.parseLong(attendance.getOrDefault(key, "0"));
                long seen = attendanceSeen.containsKey(key) ? Long.parseLong(attendanceSeen.get(key)) : -1;
                if (seen < 0 || seen < accepted) {
                    lostAttendance++;
                } else if (seen > accepted || !attendance.containsKey(key)) {
                    extraAttendance++;
                }
            }
            long toldButNotKept = 0;
            for (Map.Entry<String, Integer> told : load.checkIns().entrySet()) {
                if (!Objects.equals(attendance.get(told.getKey()), String.valueOf(told.getValue()))) {
                    toldButNotKept++;
                }
            }
            OutboxOnKafka onKafka = onKafka();
            long parked = eventScalar("SELECT count(*) FROM guildhall_outbox WHERE parked_at IS NOT NULL");
            long deadLettered;
            try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
                deadLettered = kafka.endOffsets(Topics.deadLetterOf(Topics.EVENT)) - deadLettersBefore;
            }
            boolean bothAlive = analytics.isAlive() && events.isAlive();
            // 503 (with Retry-After) is the honest answer while the service's own database is away; nothing else
            // may be a 5xx or no answer at all.
            Map<Integer, Long> statuses = load.statuses();
            long unavailable = statuses.getOrDefault(503, 0L);
            long serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0)
                    .mapToLong(Map.Entry::getValue).sum() - (fault.eventDbUpDuringOutage() ? 0 : unavailable);
            long accepted = answers.size() + attendance.size();
            long lost = wrongAnswers.size() + lostAttendance + toldButNotKept + onKafka.missing();
            boolean passed = aliveDuringOutage && bothAlive && lost == 0 && extraAttendance == 0 && parked == 0
                    && parkedDuringOutage == 0 && deadLettered == 0 && onKafka.outOfOrder() == 0 && serverErrors == 0
                    && (fault.eventDbUpDuringOutage() ? acceptedDuringOutage > 0 : load.accepted() > acceptedBeforeStop);
            if (!wrongAnswers.isEmpty()) {
                System.out.println("[bench] answers that differ (event/person, event-service vs analytics): "
                        + wrongAnswers.stream().limit(20).toList());
            }
            analytics.close();
            events.close();
            return new DrillsBenchmark.Outcome(fault.drill(), fault.what() + " stopped for " + outage.toSeconds()
                    + " s under " + fixed(rate, 0) + " requests/s from " + people + " people (answers by HTTP status "
                    + statuses + ", " + statusesDuringOutage + " by the end of the outage; " + load.accepted()
                    + " accepted, " + acceptedDuringOutage + " while " + fault.what() + " was away; " + load.scheduled() + " events; p50 / p99 ms before, during, after: "
                    + load.latency(0) + ", " + load.latency(1) + ", " + load.latency(2) + "); outbox backlog " + backlog
                    + " at the restart, " + parked + " parked; services " + (aliveDuringOutage && bothAlive
                    ? "stayed up" : "DIED") + "; " + onKafka.rows() + " outbox rows, " + onKafka.missing()
                    + " missing on Kafka, " + onKafka.duplicates() + " sent twice, " + onKafka.outOfOrder()
                    + " out of order per key; analytics: " + wrongAnswers.size() + " of " + keys.size()
                    + " answers and " + (lostAttendance + extraAttendance) + " of " + attendance.size()
                    + " attendances differ; " + toldButNotKept + " accepted check-ins not kept; " + deadLettered
                    + " dead-lettered", accepted, accepted - wrongAnswers.size() - lostAttendance, lost,
                    extraAttendance, "the backlog was on Kafka " + fixed(drained, 1) + " s and read by analytics "
                            + fixed(caughtUp, 1) + " s after " + fault.what() + " came back", passed);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** event-service's outbox rows for the event topic against the topic read from its start. */
    private OutboxOnKafka onKafka() throws SQLException {
        return OutboxOnKafka.check(context.kafkaBootstrapServers(), fault.eventDbPort(), fault.eventDbName(), Topics.EVENT);
    }

    /**
     * The paced stream of requests, on one thread so that each answer is the consequence of the ones before it:
     * people answering, withdrawing, and the organiser (grace) checking them in on the last few events she scheduled.
     */
    private final class Load implements Runnable {

        private static final Duration NEW_EVENT_EVERY = Duration.ofSeconds(60);
        private static final Duration TOKENS_FOR = Duration.ofMinutes(4);
        private static final int OPEN_EVENTS = 4;

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final BenchUsers users;
        private final GuildhallStack stack;
        private final Random random = new Random(13);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> events = new ArrayList<>();
        private final Map<Integer, Long> statuses = new TreeMap<>();
        /** Answer times before the outage, during it, and after: 0, 1, 2. */
        private final LatencySamples[] latencies = {new LatencySamples(), new LatencySamples(), new LatencySamples()};
        private volatile int phase;
        private final Map<String, Integer> checkIns = new LinkedHashMap<>();
        private List<String> tokens = List.of();
        private List<String> personIds = List.of();
        private long tokensAt;
        private long scheduledAt;
        private long accepted;
        private volatile Throwable failure;

        Load(String base, BenchUsers users, GuildhallStack stack) {
            this.base = base;
            this.users = users;
            this.stack = stack;
        }

        @Override
        public void run() {
            long interval = (long) (1e9 / Math.max(0.1, rate));
            long next = System.nanoTime();
            try {
                while (running.get()) {
                    step();
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } else {
                        next = System.nanoTime();
                    }
                }
            } catch (Throwable e) {
                failure = e;
                System.err.println("[bench] the drill's load stopped: " + e);
            }
        }

        private void step() throws Exception {
            long now = System.nanoTime();
            if (tokens.isEmpty() || now - tokensAt > TOKENS_FOR.toNanos()) {
                tokens = users.tokens(people);
                personIds = tokens.stream().map(GuildhallStack::subjectOf).toList();
                tokensAt = System.nanoTime();
            }
            if (events.isEmpty() || now - scheduledAt > NEW_EVENT_EVERY.toNanos()) {
                schedule();
                scheduledAt = now;
            }
            if (events.isEmpty()) {
                return;
            }
            String event;
            synchronized (this) {
                event = events.get(events.size() - 1 - random.nextInt(Math.min(OPEN_EVENTS, events.size())));
            }
            int who = random.nextInt(tokens.size());
            String token = tokens.get(who);
            String person = personIds.get(who);
            int roll = random.nextInt(100);
            String grace = stack.accessToken("grace");
            if (roll < 55) {
                send(request(event + "/rsvp", token).PUT(json("{\"status\":\"GOING\"}")));
            } else if (roll < 70) {
                send(request(event + "/rsvp", token).PUT(json("{\"status\":\"NOT_GOING\"}")));
            } else if (roll < 80) {
                send(request(event + "/rsvp", token).DELETE());
            } else if (roll < 95) {
                int minutes = 1 + random.nextInt(60);
                if (send(request(event + "/check-ins", grace)
                        .POST(json("{\"personId\":\"" + person + "\",\"minutes\":" + minutes + "}"))) / 100 == 2) {
                    synchronized (this) {
                        checkIns.put(event + "/" + person, minutes);
                    }
                }
            } else {
                if (send(request(event + "/check-ins/" + person, grace).DELETE()) / 100 == 2) {
                    synchronized (this) {
                        checkIns.computeIfPresent(event + "/" + person, (k, v) -> 0);
                    }
                }
            }
        }

        /** grace schedules a training in 20 minutes (so check-ins are open now and answers still are), 15 seats. */
        private void schedule() throws Exception {
            Instant start = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MINUTES);
            String body = JSON.writeValueAsString(Map.of("title", "Drill training " + (events.size() + 1),
                    "type", "TRAINING", "format", "IN_PERSON", "location", "Drill room",
                    "startsAt", start.toString(), "endsAt", start.plus(Duration.ofMinutes(60)).toString(),
                    "timeZone", "Europe/Berlin", "capacity", 15));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + stack.accessToken("grace"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            count(response.statusCode());
            if (response.statusCode() != 201) {
                // Refused (the database away, say): the stream goes on with the events there are, and tries again.
                return;
            }
            synchronized (this) {
                events.add(JSON.readTree(response.body()).get("id").asString());
            }
        }

        private HttpRequest.Builder request(String path, String token) {
            return HttpRequest.newBuilder(URI.create(base + "/api/events/" + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        }

        private static HttpRequest.BodyPublisher json(String body) {
            return HttpRequest.BodyPublishers.ofString(body);
        }

        private int send(HttpRequest.Builder request) {
            int status;
            long begin = System.nanoTime();
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            synchronized (this) {
                latencies[phase].add(System.nanoTime() - begin);
            }
            count(status);
            return status;
        }

        void phase(int phase) {
            this.phase = phase;
        }

        /** p50 / p99 in ms of the answers in a phase. */
        synchronized String latency(int phase) {
            return fixed(latencies[phase].percentileMillis(50), 0) + " / " + fixed(latencies[phase].percentileMillis(99), 0);
        }

        private synchronized void count(int status) {
            statuses.merge(status, 1L, Long::sum);
            if (status / 100 == 2) {
                accepted++;
            }
        }

        synchronized long accepted() {
            return accepted;
        }

        synchronized Map<Integer, Long> statuses() {
            return new TreeMap<>(statuses);
        }

        synchronized Map<String, Integer> checkIns() {
            return new LinkedHashMap<>(checkIns);
        }

        synchronized int scheduled() {
            return events.size();
        }

        void stop() {
            running.set(false);
            if (failure != null) {
                throw new IllegalStateException("The drill's load failed", failure);
            }
        }
    }

    /** A query of event-service's database, on a connection of its own (the database may have restarted). */
    private long eventScalar(String sql) throws SQLException {
        try (Connection db = Postgres.connect(fault.eventDbPort(), fault.eventDbName())) {
            return scalar(db, sql);
        }
    }

    private Map<String, String> eventPairs(String sql) throws SQLException {
        try (Connection db = Postgres.connect(fault.eventDbPort(), fault.eventDbName())) {
            return pairs(db, sql);
        }
    }

    private static Map<String, String> pairs(Connection db, String sql) throws SQLException {
        Map<String, String> pairs = new HashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                pairs.put(rows.getString(1), rows.getString(2));
            }
        }
        return pairs;
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
