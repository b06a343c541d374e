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
