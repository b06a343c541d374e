package io.guildhall.benchmarks.drills;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.Benchmark;
import io.guildhall.benchmarks.Options;
import io.guildhall.benchmarks.ingest.SampleEvents;
import io.guildhall.benchmarks.kafka.KafkaTools;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.benchmarks.report.MachineLoad;
import io.guildhall.benchmarks.report.Report;
import io.guildhall.devstack.Postgres;
import io.guildhall.devstack.ServiceSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * Fault drills (issue 13, item 6): each one bounded in time, on loopback, against the services' jars, and each ends
 * by comparing the ledger of what was accepted with what the consumer shows: 0 lost, 0 counted twice.
 * {@code infra/benchmarks/run drills} runs them all; {@code drill=<name>} one. So far:
 * <ul>
 *   <li>{@code sigkill-analytics} (a): analytics-service is SIGKILLed in the middle of ingesting 20,000 attendances
 *       ({@code events=}, killed once {@code kill-at=} of them are applied), restarted on the same database and
 *       consumer group, and must end with every attendance counted exactly once.</li>
 *   <li>{@code broker-away} (b): the Kafka broker stopped for {@code broker-outage=} (1,200) seconds under a steady
 *       stream of answers and check-ins to event-service; see {@link EventLoadDrill}.</li>
 *   <li>{@code postgres-away-events} (c, event-service's part): event-service's PostgreSQL stopped for
 *       {@code outage=} (60) seconds under the same stream; see {@link EventLoadDrill}.</li>
 *   <li>{@code keycloak-away} (e): Keycloak stopped for {@code keycloak-outage=} (120) seconds while people are signed
 *       in to the portal; see {@link KeycloakAwayDrill}.</li>
 *   <li>{@code postgres-away} (c, analytics' part): analytics-service ingests 20,000 attendances on a PostgreSQL of
 *       the drill's own, which is stopped once 30 % are applied and started again {@code outage=} (60) seconds later;
 *       analytics waits it out without dead-lettering and ends with every attendance once.</li>
 *   <li>{@code rebuild-under-load} (f): analytics-service holds 10,000 attendances; while 10,000 more arrive, an admin
 *       rebuilds its read model; afterwards every read-model table must equal, row for row, what a fresh consumer
 *       group builds into an empty database from the same topics.</li>
 *   <li>{@code poison-analytics} (d, analytics' part): among 20,000 valid attendances go records that can never be
 *       applied, on every topic: unreadable data, schema-invalid data, a key that is not the aggregate's, and a type
 *       foreign to the topic. Each must be dead-lettered exactly once with its reason, every valid one applied once,
 *       and the rate stay within 10 % of a clean run of the same size on the same instance.</li>
 * </ul>
 */
public final class DrillsBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "drills";
    }

    @Override
    public Report run(BenchContext context, String command) throws Exception {
        Options options = context.options();
        String only = options.text("drill", "all");
        MachineLoad load = MachineLoad.begin();
        List<List<String>> rows = new ArrayList<>();
        boolean passed = true;
        if (only.equals("all") || only.equals("sigkill-analytics")) {
            Outcome outcome = sigkillAnalytics(context, options.integer("events", 20_000),
                    Double.parseDouble(options.text("kill-at", "0.4")),
                    Duration.ofSeconds(options.integer("drill-timeout", 600)));
            rows.add(outcome.row());
            passed &= outcome.passed();
        }
        if (only.equals("all") || only.equals("broker-away")) {
            String database = context.stack().freshDatabase("bench_drill_load_event");
            Outcome outcome = eventLoad(context, new EventLoadDrill.Fault() {
                public String drill() {
                    return "(b) broker-away";
                }

                public String what() {
                    return "the broker";
                }

                public Map<String, String> eventServiceEnvironment() {
                    return Map.of("GUILDHALL_DB_NAME", database);
                }

                public int eventDbPort() {
                    return context.stack().dbPort();
                }

                public String eventDbName() {
                    return database;
                }

                public boolean eventDbUpDuringOutage() {
                    return true;
                }

                public void stop() {
                    context.stopKafka();
                }

                public void start() {
                    context.startKafka();
                }
            }, Duration.ofSeconds(options.integer("broker-outage", 1200)));
            rows.add(outcome.row());
            passed &= outcome.passed();
        }
        if (only.equals("all") || only.equals("postgres-away-events")) {
            int port = io.guildhall.devstack.Ports.free();
            java.nio.file.Path dir = context.resultsDir().resolve("drill-postgres-events-" + context.runId());
            java.nio.file.Path log = context.stack().home().log("drill-postgres-events");
            // A stopped Postgres object never starts again: the restart is a new one on the same data and port.
            Postgres[] postgres = {new Postgres(dir, port, log)};
            postgres[0].start();
            try {
                Postgres.createDatabaseIfMissing(port, "drill_events");
                Outcome outcome = eventLoad(context, new EventLoadDrill.Fault() {
                    public String drill() {
                        return "(c) postgres-away-events";
                    }

                    public String what() {
                        return "event-service's PostgreSQL";
                    }

                    public Map<String, String> eventServiceEnvironment() {
                        return Map.of("GUILDHALL_DB_PORT", String.valueOf(port), "GUILDHALL_DB_NAME", "drill_events");
                    }

                    public int eventDbPort() {
                        return port;
                    }

                    public String eventDbName() {
                        return "drill_events";
                    }

                    public boolean eventDbUpDuringOutage() {
                        return false;
                    }

                    public void stop() {
                        postgres[0].stop();
                    }

                    public void start() throws Exception {
                        postgres[0] = new Postgres(dir, port, log);
                        postgres[0].start();
                    }
                }, Duration.ofSeconds(options.integer("outage", 60)));
                rows.add(outcome.row());
                passed &= outcome.passed();
            } finally {
                postgres[0].stop();
            }
        }
        if (only.equals("all") || only.equals("postgres-away")) {
            Outcome outcome = postgresAway(context, options.integer("events", 20_000),
                    Duration.ofSeconds(options.integer("outage", 60)),
                    Duration.ofSeconds(options.integer("drill-timeout", 600)));
            rows.add(outcome.row());
            passed &= outcome.passed();
        }
        if (only.equals("all") || only.equals("keycloak-away")) {
            Outcome outcome = new KeycloakAwayDrill(context, Duration.ofSeconds(options.integer("keycloak-outage", 120)),
                    Duration.ofSeconds(options.integer("drill-timeout", 600))).run();
            rows.add(outcome.row());
            passed &= outcome.passed();
        }
        if (only.equals("all") || only.equals("rebuild-under-load")) {
            Outcome outcome = rebuildUnderLoad(context, options.integer("events", 20_000),
                    Duration.ofSeconds(options.integer("drill-timeout", 600)));
            rows.add(outcome.row());
            passed &= outcome.passed();
        }
        if (only.equals("all") || only.equals("poison-analytics")) {
            Outcome outcome = poisonAnalytics(context, options.integer("events", 20_000),
                    options.integer("poison-each", 5), Duration.ofSeconds(options.integer("drill-timeout", 600)));
            rows.add(outcome.row());
            passed &= outcome.passed();
        }
        Report report = new Report(name(), "Fault drills: nothing lost, nothing counted twice", command)
                .fact("options", options.describe())
                .fact("jars", context.jarsUsed())
                .fact("machine", load.describeUntilNow())
                .heading("Drills")
                .table(List.of("drill", "what happened", "accepted", "applied", "lost", "counted twice",
                        "recovery", "outcome"), rows);
        if (!passed) {
            report.paragraph("**A drill found a loss or a double count: see the rows above.**");
        }
        return report;
    }

    private static Outcome eventLoad(BenchContext context, EventLoadDrill.Fault fault, Duration outage) throws Exception {
        Options options = context.options();
        return new EventLoadDrill(context, fault, options.integer("people", 200),
                Double.parseDouble(options.text("rate", "10")), Duration.ofSeconds(options.integer("before", 60)),
                outage, Duration.ofSeconds(options.integer("after", 60)),
                Duration.ofSeconds(options.integer("drill-timeout", 600))).run();
    }

    record Outcome(String drill, String happened, long accepted, long applied, long lost, long twice,
                   String recovery, boolean passed) {
        List<String> row() {
            return List.of(drill, happened, String.valueOf(accepted), String.valueOf(applied), String.valueOf(lost),
                    String.valueOf(twice), recovery, passed ? "passed" : "FAILED");
        }
    }

    /** (a) SIGKILL of analytics-service while it ingests, then a restart on the same database and group. */
    private Outcome sigkillAnalytics(BenchContext context, int events, double killAt, Duration timeout)
            throws Exception {
        String group = "analytics-drill-" + context.runId();
        Map<String, String> env = Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", group);
        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            kafka.createGuildhallTopics();
            ServiceJvm analytics = context.start(ServiceSpec.ANALYTICS, "bench_drill_analytics", env, List.of());
            String database = analytics.spec().database().orElseThrow();
            List<ProducerRecord<String, byte[]>> records = new SampleEvents().attendances(events);
            Expected expected = Expected.of(records);
            System.out.printf("[bench] drill sigkill-analytics: producing %d attendances (%d distinct, %d minutes)%n",
                    records.size(), expected.distinct(), expected.minutes());
            kafka.produce(records);
            try (Connection db = Postgres.connect(context.stack().dbPort(), database)) {
                long killAfter = Math.round(events * killAt);
                long deadline = System.nanoTime() + timeout.toNanos();
                long applied;
                while ((applied = processed(db)) < killAfter) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("analytics-service applied only " + applied + " events before"
                                + " the drill's time limit; no kill made");
                    }
                    Thread.sleep(20);
                }
                analytics.kill();
                long atKill = processed(db);
                System.out.printf("[bench] SIGKILL analytics-service (pid %d) with %d of %d applied%n", analytics.pid(),
                        atKill, events);
                long restart = System.nanoTime();
                ServiceJvm again = context.restart(analytics, env, List.of());
                double healthy = (System.nanoTime() - restart) / 1e9;
                while (processed(db) < expected.distinct() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                // A little longer: a redelivery counted twice would show now.
                Thread.sleep(2_000);
                double caughtUp = (System.nanoTime() - restart) / 1e9;
                long processed = processed(db);
                long rows = scalar(db, "SELECT count(*) FROM participation WHERE source = 'ATTENDANCE'");
                long minutes = scalar(db, "SELECT COALESCE(sum(minutes), 0) FROM participation WHERE source = 'ATTENDANCE'");
                long lost = Math.max(0, expected.distinct() - rows);
                long twice = Math.max(0, rows - expected.distinct()) + (minutes > expected.minutes() ? 1 : 0);
                boolean passed = processed == expected.distinct() && rows == expected.distinct()
                        && minutes == expected.minutes();
                again.close();
                return new Outcome("(a) sigkill-analytics", "SIGKILL at " + atKill + " of " + events
                        + " applied; restarted on the same database and group; ledger " + rows + " rows, "
                        + minutes + " of " + expected.minutes() + " minutes", expected.distinct(), processed, lost,
                        twice, "healthy " + fixed(healthy, 1) + " s, caught up " + fixed(caughtUp, 1)
                        + " s after the restart", passed);
            }
        }
    }

    /** (c) The database away for {@code outage} while analytics ingests, on a PostgreSQL of the drill's own. */
    private Outcome postgresAway(BenchContext context, int events, Duration outage, Duration timeout) throws Exception {
        int port = io.guildhall.devstack.Ports.free();
        java.nio.file.Path dir = context.resultsDir().resolve("drill-postgres-" + context.runId());
        java.nio.file.Path log = context.stack().home().log("drill-postgres");
        Postgres postgres = new Postgres(dir, port, log);
        postgres.start();
        try {
            Postgres.createDatabaseIfMissing(port, "drill_analytics");
            String group = "analytics-pg-drill-" + context.runId();
            try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
                kafka.createGuildhallTopics();
                ServiceJvm analytics = context.start(ServiceSpec.ANALYTICS, null, Map.of(
                        "GUILDHALL_KAFKA_CONSUMER_GROUP", group, "GUILDHALL_DB_PORT", String.valueOf(port),
                        "GUILDHALL_DB_NAME", "drill_analytics"), List.of());
                List<ProducerRecord<String, byte[]>> records = new SampleEvents().attendances(events);
                Expected expected = Expected.of(records);
                kafka.produce(records);
                long deadline = System.nanoTime() + timeout.toNanos();
                long atStop;
                try (Connection db = Postgres.connect(port, "drill_analytics")) {
                    while (processed(db) < events * 3L / 10) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("analytics-service applied too little before the time limit");
                        }
                        Thread.sleep(20);
                    }
                    atStop = processed(db);
                }
                postgres.stop();
                System.out.printf("[bench] PostgreSQL stopped with %d of %d applied; away for %d s%n", atStop, events,
                        outage.toSeconds());
                Thread.sleep(outage.toMillis());
                boolean aliveDuringOutage = analytics.isAlive();
                postgres = new Postgres(dir, port, log);
                postgres.start();
                long back = System.nanoTime();
                try (Connection db = Postgres.connect(port, "drill_analytics")) {
                    while (processed(db) < expected.distinct() && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    Thread.sleep(2_000);
                    double caughtUp = (System.nanoTime() - back) / 1e9;
                    long processed = processed(db);
                    long rows = scalar(db, "SELECT count(*) FROM participation WHERE source = 'ATTENDANCE'");
                    long minutes = scalar(db, "SELECT COALESCE(sum(minutes), 0) FROM participation WHERE source = 'ATTENDANCE'");
                    long deadLettered = kafka.endOffsets(io.guildhall.contracts.Topics.deadLetterOf(
                            io.guildhall.contracts.Topics.EVENT));
                    boolean passed = aliveDuringOutage && processed == expected.distinct()
                            && rows == expected.distinct() && minutes == expected.minutes();
                    analytics.close();
                    return new Outcome("(c) postgres-away", "PostgreSQL stopped at " + atStop + " of " + events
                            + " applied, started again after " + outage.toSeconds() + " s; analytics "
                            + (aliveDuringOutage ? "stayed up" : "DIED") + "; ledger " + rows + " rows, " + minutes
                            + " of " + expected.minutes() + " minutes; " + deadLettered + " on the event topic's .dlt",
                            expected.distinct(), processed, Math.max(0, expected.distinct() - rows),
                            Math.max(0, rows - expected.distinct()), "caught up " + fixed(caughtUp, 1)
                                    + " s after the database came back", passed);
                }
            }
        } finally {
            postgres.stop();
        }
    }

    /** (f) A rebuild while events keep arriving, compared with a fresh replay. */
    private Outcome rebuildUnderLoad(BenchContext context, int events, Duration timeout) throws Exception {
        String run = context.runId();
        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            kafka.createGuildhallTopics();
            ServiceJvm live = context.start(ServiceSpec.ANALYTICS, "bench_drill_rebuild",
                    Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", "analytics-rebuild-live-" + run), List.of());
            SampleEvents samples = new SampleEvents();
            List<ProducerRecord<String, byte[]>> first = samples.attendances(events / 2);
            List<ProducerRecord<String, byte[]>> more = samples.attendances(events - events / 2);
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Connection db = Postgres.connect(context.stack().dbPort(), live.spec().database().orElseThrow())) {
                kafka.produce(first);
                awaitProcessed(db, first.size(), deadline);
                // The rest arrives in small bursts while the rebuild runs.
                Thread load = new Thread(() -> {
                    try {
                        // About 100 records every 100 ms: a steady stream that outlasts the rebuild.
                        for (int from = 0; from < more.size(); from += 100) {
                            kafka.produce(more.subList(from, Math.min(more.size(), from + 100)));
                            Thread.sleep(100);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "drill-load");
                load.start();
                String dennis = context.stack().accessToken("dennis");
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                java.net.http.HttpResponse<String> started = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(live.baseUrl() + "/api/analytics/admin/rebuild"))
                        .header("Authorization", "Bearer " + dennis)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (started.statusCode() != 202) {
                    throw new IllegalStateException("POST rebuild: HTTP " + started.statusCode() + " " + started.body());
                }
                long rebuildStart = System.nanoTime();
                JsonNode progress;
                boolean loadRunningAtSwitch = false;
                do {
                    Thread.sleep(200);
                    progress = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(live.baseUrl() + "/api/analytics/admin/rebuild"))
                            .header("Authorization", "Bearer " + dennis).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body());
                    loadRunningAtSwitch |= load.isAlive() && progress.get("state").asString().equals("SWITCHING");
                } while (Set.of("BUILDING", "SWITCHING").contains(progress.get("state").asString())
                        && System.nanoTime() < deadline);
                double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
                boolean loadDuringRebuild = load.isAlive();
                load.join();
                awaitProcessed(db, events, deadline);
                ServiceJvm fresh = context.start(ServiceSpec.ANALYTICS, "bench_drill_replay",
                        Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", "analytics-rebuild-fresh-" + run), List.of());
                try (Connection replay = Postgres.connect(context.stack().dbPort(),
                        fresh.spec().database().orElseThrow())) {
                    awaitProcessed(replay, events, deadline);
                    Thread.sleep(2_000);
                    List<String> differing = new ArrayList<>();
                    for (String table : List.of("participation", "calendar_event", "rsvp", "person_profile")) {
                        if (!digest(db, table).equals(digest(replay, table))) {
                            differing.add(table);
                        }
                    }
                    long rows = scalar(db, "SELECT count(*) FROM participation WHERE source = 'ATTENDANCE'");
                    boolean passed = progress.get("state").asString().equals("DONE") && differing.isEmpty()
                            && rows == events;
                    fresh.close();
                    live.close();
                    return new Outcome("(f) rebuild-under-load", "rebuild " + progress.get("state").asString()
                            + " in " + fixed(rebuildSeconds, 1) + " s while " + more.size() + " more attendances arrived"
                            + (loadDuringRebuild ? " (still arriving when it finished)" : " (all arrived before it finished)")
                            + (loadRunningAtSwitch ? ", switched under load" : "") + "; read model vs a fresh"
                            + " replay: " + (differing.isEmpty() ? "equal, row for row" : "DIFFERENT in " + differing),
                            events, rows, Math.max(0, events - rows), Math.max(0, rows - events),
                            "no pause for the live consumer but the switch", passed);
                }
            }
        }
    }

    private static void awaitProcessed(Connection db, long count, long deadline) throws Exception {
        while (processed(db) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + processed(db) + " of " + count + " applied in time");
            }
            Thread.sleep(50);
        }
    }

    /** Every row of {@code table}, as JSON text, sorted, hashed. */
    private static String digest(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT md5(COALESCE(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT row_to_json(t)::text AS r FROM "
                        + table + " t) x")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** (d) Records that can never be applied, among valid ones, on every topic; against a clean run of the same size. */
    private Outcome poisonAnalytics(BenchContext context, int events, int each, Duration timeout) throws Exception {
        String group = "analytics-poison-" + context.runId();
        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            kafka.createGuildhallTopics();
            ServiceJvm analytics = context.start(ServiceSpec.ANALYTICS, "bench_drill_poison",
                    Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", group), List.of());
            String database = analytics.spec().database().orElseThrow();
            SampleEvents samples = new SampleEvents();
            try (Connection db = Postgres.connect(context.stack().dbPort(), database)) {
                // Warm-up (class loading, JIT), then clean and poisoned runs alternately on the same instance, so
                // that the read model's growth and the machine's drift weigh on both alike; medians compared.
                ingest(kafka, db, samples.attendances(events / 4), List.of(), timeout);
                Map<String, Long> dltBefore = deadLetterEnds(kafka);
                int rounds = 3;
                double[] cleanRates = new double[rounds];
                double[] poisonedRates = new double[rounds];
                List<ProducerRecord<String, byte[]>> poison = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    cleanRates[round] = ingest(kafka, db, samples.attendances(events), List.of(), timeout);
                    List<ProducerRecord<String, byte[]>> valid = samples.attendances(events);
                    List<ProducerRecord<String, byte[]>> roundPoison = Poison.records(valid,
                            samples.communitiesFounded(each), each);
                    poison.addAll(roundPoison);
                    poisonedRates[round] = ingest(kafka, db, valid, roundPoison, timeout);
                    System.out.printf("[bench] round %d: clean %.0f events/s, with poison %.0f events/s%n", round + 1,
                            cleanRates[round], poisonedRates[round]);
                }
                double clean = io.guildhall.benchmarks.stats.Throughput.median(cleanRates);
                double poisoned = io.guildhall.benchmarks.stats.Throughput.median(poisonedRates);
                Thread.sleep(2_000);
                Map<String, Long> dltAfter = deadLetterEnds(kafka);
                long deadLettered = 0;
                for (Map.Entry<String, Long> end : dltAfter.entrySet()) {
                    deadLettered += end.getValue() - dltBefore.getOrDefault(end.getKey(), 0L);
                }
                Poison.Check check = Poison.check(context.kafkaBootstrapServers(), dltBefore, poison);
                long rows = scalar(db, "SELECT count(*) FROM participation WHERE source = 'ATTENDANCE'");
                long accepted = events / 4 + 2L * rounds * events;
                double ratio = poisoned / clean;
                boolean passed = rows == accepted && deadLettered == poison.size() && check.missing() == 0
                        && check.withoutReason() == 0 && check.duplicates() == 0 && ratio >= 0.9;
                analytics.close();
                return new Outcome("(d) poison-analytics", poison.size() + " poison records (" + each
                        + " each per round: unreadable, schema-invalid, wrong key, foreign type on all 5 topics) among "
                        + rounds + " x " + events + " valid; dead-lettered " + deadLettered + ", " + check.missing()
                        + " missing, " + check.duplicates() + " twice, " + check.withoutReason() + " without a reason; median "
                        + fixed(poisoned, 0) + " events/s vs " + fixed(clean, 0) + " clean (" + fixed(ratio, 2)
                        + "x; rounds " + fixed(poisonedRates[0], 0) + "/" + fixed(cleanRates[0], 0) + ", "
                        + fixed(poisonedRates[1], 0) + "/" + fixed(cleanRates[1], 0) + ", " + fixed(poisonedRates[2], 0)
                        + "/" + fixed(cleanRates[2], 0) + ")", accepted, rows,
                        Math.max(0, accepted - rows), Math.max(0, rows - accepted), "consumption went on", passed);
            }
        }
    }

    /** Produces {@code valid} with {@code poison} among them and waits until every valid one is applied; events/s. */
    private static double ingest(KafkaTools kafka, Connection db, List<ProducerRecord<String, byte[]>> valid,
                                 List<ProducerRecord<String, byte[]>> poison, Duration timeout) throws Exception {
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>(valid);
        int step = Math.max(1, valid.size() / Math.max(1, poison.size()));
        for (int i = 0; i < poison.size(); i++) {
            all.add(Math.min(all.size(), (i + 1) * step + i), poison.get(i));
        }
        long before = processed(db);
        long begin = System.nanoTime();
        kafka.produce(all);
        long deadline = begin + timeout.toNanos();
        while (processed(db) - before < valid.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("analytics-service applied " + (processed(db) - before) + " of "
                        + valid.size() + " within the drill's time limit");
            }
            Thread.sleep(50);
        }
        return valid.size() / ((System.nanoTime() - begin) / 1e9);
    }

    private static Map<String, Long> deadLetterEnds(KafkaTools kafka) throws Exception {
        Map<String, Long> ends = new java.util.TreeMap<>();
        for (String topic : Poison.TOPICS) {
            ends.put(io.guildhall.contracts.Topics.deadLetterOf(topic),
                    kafka.endOffsets(io.guildhall.contracts.Topics.deadLetterOf(topic)));
        }
        return ends;
    }

    /** What was accepted: one attendance per (event, person), and its minutes. */
    record Expected(long distinct, long minutes) {
        static Expected of(List<ProducerRecord<String, byte[]>> records) {
            Set<String> keys = new HashSet<>();
            long minutes = 0;
            for (ProducerRecord<String, byte[]> record : records) {
                JsonNode data = JSON.readTree(record.value());
                if (keys.add(data.get("eventId").asString() + "/" + data.get("personId").asString())) {
                    minutes += data.get("minutes").asLong();
                }
            }
            return new Expected(keys.size(), minutes);
        }
    }

    private static long processed(Connection db) throws SQLException {
        return scalar(db, "SELECT count(*) FROM processed_event");
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
