package io.guildhall.benchmarks.scale;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.Benchmark;
import io.guildhall.benchmarks.Options;
import io.guildhall.benchmarks.kafka.KafkaTools;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.benchmarks.report.MachineLoad;
import io.guildhall.benchmarks.report.Report;
import io.guildhall.benchmarks.stats.LatencySamples;
import io.guildhall.contracts.Topics;
import io.guildhall.devstack.Postgres;
import io.guildhall.devstack.ServiceSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * Analytics at the size of a real organisation (issue 18): {@code people=} (10,000) employees over {@code weeks=}
 * (52) weeks ({@link Organisation}), published through Kafka as valid CloudEvents; then, in the same run:
 * <ol>
 *   <li>baselines: a raw KafkaConsumer reading every record, and PostgreSQL's batched insert of as many rows
 *       ({@code baseline-rows=}, at most 500,000) into a table with a primary key;</li>
 *   <li>ingest: analytics-service, from its jar on a fresh database, reading every record;</li>
 *   <li>the report endpoints' p50, p95 and p99 at 1 and 8 concurrent callers ({@code callers=1,8};
 *       {@code report-calls=} 20 calls each,
 *       at most {@code report-seconds=} 60 s each): oversight by every grouping for a quarter, rolling 13 weeks and a
 *       2-year range; {@code me}; the community report;</li>
 *   <li>a rebuild of the read model through the admin API, and its time;</li>
 *   <li>the service's heap (used and committed, from its Prometheus endpoint) and RSS (now and peak).</li>
 * </ol>
 * Person 0 is ada (a demo user), so that her {@code me} report is that of a person with a year of history.
 */
public final class ScaleBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TOPICS = List.of(Topics.PERSON, Topics.COMMUNITY, Topics.MEMBERSHIP, Topics.EVENT,
            Topics.CONTRIBUTION);

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public Report run(BenchContext context, String command) throws Exception {
        Options options = context.options();
        int people = options.integer("people", 10_000);
        int weeks = options.integer("weeks", 52);
        Duration ingestTimeout = Duration.ofSeconds(options.integer("ingest-timeout", 3600));
        MachineLoad load = MachineLoad.begin();
        Report report = new Report(name(), "Analytics at the size of an organisation: " + people + " people, "
                + weeks + " weeks", command).fact("options", options.describe());

        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            kafka.createGuildhallTopics();
        }
        Organisation organisation = new Organisation(people, weeks, options.integer("attendees", 40),
                Double.parseDouble(options.text("per-week", "2")), context.stack().personId("ada"), 18);
        long produceBegin = System.nanoTime();
        long total = produce(context.kafkaBootstrapServers(), organisation);
        double produceSeconds = (System.nanoTime() - produceBegin) / 1e9;
        System.out.printf("[bench] produced %,d records in %.1f s: %s%n", total, produceSeconds, organisation.counts());
        report.fact("history", String.format("%,d records from %s to %s, produced in %.0f s: %s", total,
                organisation.firstDay(), organisation.lastDay(), produceSeconds, organisation.counts()));

        // Baselines, same run, same machine.
        double raw = rawRead(context.kafkaBootstrapServers(), total);
        System.out.printf("[bench] raw consumer: %,.0f records/s%n", raw);
        int baselineRows = (int) Math.min(total, options.integer("baseline-rows", 500_000));
        double inserts = batchedInserts(context, baselineRows);
        System.out.printf("[bench] PostgreSQL batched insert: %,.0f rows/s%n", inserts);

        // Ingest.
        String group = "analytics-scale-" + context.runId();
        ServiceJvm analytics = context.start(ServiceSpec.ANALYTICS, "bench_scale_analytics",
                Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", group), List.of());
        long ingestBegin = System.nanoTime();
        Memory afterStart = Memory.of(analytics);
        awaitConsumed(context, group, ingestTimeout, analytics);
        double ingestSeconds = (System.nanoTime() - ingestBegin) / 1e9;
        double ingest = total / ingestSeconds;
        Memory afterIngest = Memory.of(analytics);
        System.out.printf("[bench] analytics ingested %,d records in %.0f s: %,.0f records/s (%.4fx raw)%n", total,
                ingestSeconds, ingest, ingest / raw);
        report.heading("Ingest").table(List.of("what", "records/s", "× raw consumer"), List.of(
                List.of("raw KafkaConsumer, every record of the five topics", fixed(raw, 0), "1.00"),
                List.of("PostgreSQL batched insert (" + String.format("%,d", baselineRows)
                        + " rows, 1,000 a batch, primary key)", fixed(inserts, 0), fixed(inserts / raw, 3)),
                List.of("analytics-service ingest (" + fixed(ingestSeconds, 0) + " s)", fixed(ingest, 0),
                        fixed(ingest / raw, 4))));

        // The reports read the counted days once they are current again after the bulk ingest (until then, the
        // ledger): measured from the end of the ingest, and waited for, so that the reports are measured as they
        // run at steady state.
        double settled = awaitCountedDays(analytics, ingestTimeout);
        System.out.printf("[bench] counted days current %.0f s after the ingest%n", settled);
        report.fact("counted days", String.format("current %.0f s after the end of the ingest", settled));

        // Reports.
        List<List<String>> rows = new ArrayList<>();
        LocalDate last = organisation.lastDay();
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("me, quarter (ada)", "/api/analytics/me?period=quarter");
        endpoints.put("community report, quarter", "/api/analytics/communities/" + organisation.communities().get(0)
                + "?period=quarter");
        for (String groupBy : List.of("department", "level", "location", "community")) {
            endpoints.put("oversight by " + groupBy + ", quarter", "/api/analytics/oversight?groupBy=" + groupBy
                    + "&period=quarter");
            endpoints.put("oversight by " + groupBy + ", rolling 13 weeks", "/api/analytics/oversight?groupBy=" + groupBy
                    + "&period=rolling13");
        }
        for (String groupBy : List.of("department", "level", "location", "community")) {
            endpoints.put("oversight by " + groupBy + ", 2 years", "/api/analytics/oversight?groupBy=" + groupBy
                    + "&period=range:" + last.minusYears(2).plusDays(1) + ".." + last);
        }
        int calls = options.integer("report-calls", 20);
        List<Integer> concurrency = options.integers("callers", List.of(1, 8));
        Duration budget = Duration.ofSeconds(options.integer("report-seconds", 60));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            String user = endpoint.getKey().startsWith("me") ? "ada" : "katherine";
            if (!analytics.isAlive()) {
                List<String> gone = new ArrayList<>(List.of(endpoint.getKey(), "analytics-service is not running any more"));
                concurrency.stream().skip(1).forEach(c -> gone.add(""));
                rows.add(gone);
                continue;
            }
            URI uri = URI.create(analytics.baseUrl() + endpoint.getValue());
            List<String> row = new ArrayList<>(List.of(endpoint.getKey()));
            for (int callers : concurrency) {
                Calls measured = calls(http, uri, () -> context.stack().accessToken(user), callers,
                        callers == 1 ? calls : calls * 2, budget);
                row.add(measured.describe());
                System.out.printf("[bench] %s, %d caller(s): %s%n", endpoint.getKey(), callers, measured.describe());
            }
            rows.add(row);
        }
        Memory afterReports = Memory.of(analytics);
        report.heading("Reports").paragraph("p50 / p95 / p99 in ms, calls answered 200 of calls made (each endpoint"
                        + " at most " + budget.toSeconds() + " s per concurrency; a call times out after 60 s).")
                .table(headers(concurrency), rows);

        // Rebuild.
        String rebuild = Boolean.parseBoolean(options.text("rebuild", "true")) && analytics.isAlive()
                ? rebuild(http, analytics, context, ingestTimeout) : "not run";
        Memory afterRebuild = analytics.isAlive() ? Memory.of(analytics) : null;
        report.heading("Rebuild").paragraph(rebuild);
        report.heading("Memory (analytics-service, -Xmx256m)").table(List.of("when", "heap used MB", "heap committed MB",
                "RSS MB", "peak RSS MB"), List.of(afterStart.row("started"), afterIngest.row("after ingest"),
                afterReports.row("after the reports"), afterRebuild == null ? List.of("after the rebuild", "not running",
                        "", "", "") : afterRebuild.row("after the rebuild")));
        report.fact("jars", context.jarsUsed()).fact("machine", load.describeUntilNow());
        analytics.close();
        return report;
    }

    private static List<String> headers(List<Integer> concurrency) {
        List<String> headers = new ArrayList<>(List.of("endpoint"));
        concurrency.forEach(callers -> headers.add(callers + (callers == 1 ? " caller" : " callers")));
        return headers;
    }

    /** Generates the history into the topics with one idempotent producer (acks=all, as the services' outboxes). */
    private static long produce(String bootstrap, Organisation organisation) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            organisation.generate(record -> {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
                if (sent.incrementAndGet() % 250_000 == 0) {
                    System.out.printf("[bench] %,d records sent%n", sent.get());
                }
            });
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records could not be sent");
        }
        return sent.get();
    }

    /** A plain KafkaConsumer reading the five topics from their start to their end: records/s. */
    private static double rawRead(String bootstrap, long total) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long read = 0;
            long bytes = 0;
            long begin = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    read++;
                    bytes += record.value().length;
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (read < total) {
                throw new IllegalStateException("The raw consumer read " + read + " of " + total + " records");
            }
            System.out.printf("[bench] raw consumer read %,d records (%,d MB) in %.1f s%n", read, bytes >> 20, seconds);
            return read / seconds;
        }
    }

    /** PostgreSQL's own rate for batched inserts of ledger-like rows (1,000 a batch, rewritten into multi-row ones). */
    private static double batchedInserts(BenchContext context, int rows) throws Exception {
        String database = context.stack().freshDatabase("bench_scale_baseline");
        try (Connection db = DriverManager.getConnection(Postgres.jdbcUrl(context.stack().dbPort(), database)
                + "?reWriteBatchedInserts=true", Postgres.USERNAME, Postgres.PASSWORD)) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE plain (source text NOT NULL, source_id text NOT NULL, person_id text NOT NULL,"
                        + " on_date date NOT NULL, minutes integer NOT NULL, PRIMARY KEY (source, source_id))");
            }
            db.setAutoCommit(false);
            long begin = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO plain (source, source_id, person_id, on_date, minutes) VALUES (?, ?, ?, ?, ?)")) {
                LocalDate day = LocalDate.now();
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "ATTENDANCE");
                    insert.setString(2, java.util.UUID.randomUUID() + "/" + i);
                    insert.setString(3, "person-" + (i % 10_000));
                    insert.setObject(4, day.minusDays(i % 365));
                    insert.setInt(5, 30 + i % 90);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            return rows / ((System.nanoTime() - begin) / 1e9);
        }
    }

    /** Waits until analytics-service's group has committed every partition's end offset of the five topics. */
    private static void awaitConsumed(BenchContext context, String group, Duration timeout, ServiceJvm analytics)
            throws Exception {
        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            long total = 0;
            for (String topic : TOPICS) {
                Map<TopicPartition, Long> topicEnds = kafka.endOffsetsByPartition(topic);
                ends.putAll(topicEnds);
                total += topicEnds.values().stream().mapToLong(Long::longValue).sum();
            }
            long begin = System.nanoTime();
            long deadline = begin + timeout.toNanos();
            long lastReport = begin;
            while (!kafka.committedAtLeast(group, ends)) {
                if (System.nanoTime() > deadline || !analytics.isAlive()) {
                    throw new IllegalStateException("analytics-service " + (analytics.isAlive() ? "did not read" : "died before reading")
                            + " every record within " + timeout.toSeconds() + " s");
                }
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    long done = 0;
                    for (String topic : TOPICS) {
                        done += kafka.committed(group, topic);
                    }
                    System.out.printf("[bench] ingest: %,d of %,d records after %.0f s (%,.0f/s)%n", done, total,
                            (System.nanoTime() - begin) / 1e9, done / ((System.nanoTime() - begin) / 1e9));
                    lastReport = System.nanoTime();
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * Waits until analytics-service's reports read its counted days (gauge {@code
     * guildhall_analytics_counted_days_current} at 1 on five readings in a row, half a second apart: a copy built
     * while the last records were still being applied reads 1 until its next catch-up, a second later, finds them):
     * seconds waited until the first of those readings, or NaN when it did not happen in time.
     */
    private static double awaitCountedDays(ServiceJvm analytics, Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        int inARow = 0;
        long firstOfRow = 0;
        while (System.nanoTime() - begin < timeout.toNanos() && analytics.isAlive()) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(analytics.baseUrl() + "/prometheus"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                if (metrics.lines().anyMatch(line -> line.startsWith("guildhall_analytics_counted_days_current")
                        && line.endsWith(" 1.0"))) {
                    if (inARow++ == 0) {
                        firstOfRow = System.nanoTime();
                    }
                    if (inARow == 5) {
                        return (firstOfRow - begin) / 1e9;
                    }
                } else {
                    inARow = 0;
                }
            } catch (java.io.IOException e) {
                // not answering yet: ask again
                inARow = 0;
            }
            Thread.sleep(500);
        }
        return Double.NaN;
    }

    /** What a series of calls to one endpoint found. */
    record Calls(LatencySamples latencies, int made, int ok, Map<Integer, Integer> statuses) {
        String describe() {
            if (latencies.count() == 0) {
                return "no answer " + statuses;
            }
            return fixed(latencies.percentileMillis(50), 0) + " / " + fixed(latencies.percentileMillis(95), 0) + " / "
                    + fixed(latencies.percentileMillis(99), 0) + " (" + ok + " of " + made + ")"
                    + (ok < made ? " " + statuses : "");
        }
    }

    /** Up to {@code calls} GETs from {@code callers} threads, stopping once {@code budget} is spent. */
    private static Calls calls(HttpClient http, URI uri, java.util.function.Supplier<String> token, int callers,
                               int calls, Duration budget) throws Exception {
        // Warm-up: one call, not measured.
        send(http, uri, token.get());
        LatencySamples latencies = new LatencySamples();
        Map<Integer, Integer> statuses = new TreeMap<>();
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + budget.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                work.add(pool.submit(() -> {
                    while (next.getAndIncrement() < calls && System.nanoTime() < deadline) {
                        long begin = System.nanoTime();
                        int status = send(http, uri, token.get());
                        long took = System.nanoTime() - begin;
                        synchronized (latencies) {
                            statuses.merge(status, 1, Integer::sum);
                            if (status == 200) {
                                latencies.add(took);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int made = statuses.values().stream().mapToInt(Integer::intValue).sum();
        return new Calls(latencies, made, statuses.getOrDefault(200, 0), statuses);
    }

    private static int send(HttpClient http, URI uri, String token) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** An admin rebuilds the read model through the API; how long it took, with its last progress. */
    private static String rebuild(HttpClient http, ServiceJvm analytics, BenchContext context, Duration timeout)
            throws Exception {
        URI uri = URI.create(analytics.baseUrl() + "/api/analytics/admin/rebuild");
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + context.stack().accessToken("dennis"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            return "POST rebuild: HTTP " + started.statusCode() + " " + started.body();
        }
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        long lastReport = begin;
        JsonNode progress;
        do {
            Thread.sleep(1000);
            progress = JSON.readTree(http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + context.stack().accessToken("dennis")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                System.out.printf("[bench] rebuild after %.0f s: %s%n", (System.nanoTime() - begin) / 1e9, progress);
                lastReport = System.nanoTime();
            }
        } while (java.util.Set.of("BUILDING", "SWITCHING").contains(progress.path("state").asString())
                && System.nanoTime() < deadline && analytics.isAlive());
        double seconds = (System.nanoTime() - begin) / 1e9;
        return "The rebuild ended " + progress.path("state").asString() + " after " + fixed(seconds, 0) + " s ("
                + fixed(seconds / 60, 1) + " min); its last progress: " + progress;
    }

    /** Heap from the service's Prometheus endpoint, RSS from /proc. */
    record Memory(double heapUsedMb, double heapCommittedMb, double rssMb, double peakRssMb) {
        static Memory of(ServiceJvm service) {
            double used = 0;
            double committed = 0;
            try {
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(service.baseUrl() + "/prometheus")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (String line : metrics.split("\n")) {
                    if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                        used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    } else if (line.startsWith("jvm_memory_committed_bytes{") && line.contains("area=\"heap\"")) {
                        committed += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            } catch (Exception e) {
                used = Double.NaN;
                committed = Double.NaN;
            }
            double rss = Double.NaN;
            double peak = Double.NaN;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + service.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
                    } else if (line.startsWith("VmHWM:")) {
                        peak = Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (Exception e) {
                // Not Linux: no RSS.
            }
            return new Memory(used / 1048576, committed / 1048576, rss, peak);
        }

        List<String> row(String when) {
            return List.of(when, fixed(heapUsedMb, 0), fixed(heapCommittedMb, 0), fixed(rssMb, 0), fixed(peakRssMb, 0));
        }
    }
}
