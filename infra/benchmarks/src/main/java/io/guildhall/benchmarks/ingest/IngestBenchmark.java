package io.guildhall.benchmarks.ingest;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.Benchmark;
import io.guildhall.benchmarks.Options;
import io.guildhall.benchmarks.kafka.KafkaTools;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.benchmarks.report.MachineLoad;
import io.guildhall.benchmarks.report.Report;
import io.guildhall.benchmarks.stats.Ratio;
import io.guildhall.benchmarks.stats.Throughput;
import io.guildhall.contracts.Topics;
import io.guildhall.devstack.ServiceSpec;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * analytics-service's ingest rate (events applied to its read model per second) next to a plain KafkaConsumer
 * reading the same records from the same offsets, in the same run, on the run's private broker.
 */
public final class IngestBenchmark implements Benchmark {

    /** What analytics did with one batch: applied them all, or read them and applied none (a type it ignores). */
    private record Ingest(boolean applied, KafkaTools.Produced produced, long appliedCount, long wallNanos,
                          ProcessedEvents.Span span) {
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public Report run(BenchContext context, String command) throws Exception {
        Options options = context.options();
        int events = options.integer("events", 20_000);
        int rawRepeats = options.integer("raw-repeats", 5);
        Duration timeout = Duration.ofSeconds(options.integer("ingest-timeout", 1200));
        String topicOption = options.text("topic", "auto");
        MachineLoad load = MachineLoad.begin();
        String bootstrap = context.kafkaBootstrapServers();
        String group = "analytics-bench-" + context.runId();
        String database = "bench_analytics";
        List<String> notes = new ArrayList<>();

        try (KafkaTools kafka = new KafkaTools(bootstrap)) {
            kafka.createGuildhallTopics();
            ServiceJvm analytics = context.start(ServiceSpec.ANALYTICS, database,
                    Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", group), List.of());
            Set<String> consumed = kafka.subscribedTopics(group, Duration.ofSeconds(120));
            System.out.println("[bench] analytics-service reads " + consumed);
            List<String> candidates = switch (topicOption) {
                case "auto" -> List.of(Topics.EVENT, Topics.COMMUNITY);
                case "event" -> List.of(Topics.EVENT);
                case "community" -> List.of(Topics.COMMUNITY);
                default -> throw new IllegalArgumentException("topic must be auto, event or community, not " + topicOption);
            };
            SampleEvents samples = new SampleEvents();
            Ingest ingest = null;
            try (ProcessedEvents ledger = new ProcessedEvents(context.stack().dbPort(), database)) {
                for (String topic : candidates) {
                    if (!consumed.contains(topic)) {
                        notes.add("analytics-service does not read " + topic + " (its group reads " + consumed + ").");
                        continue;
                    }
                    List<ProducerRecord<String, byte[]>> records = topic.equals(Topics.EVENT)
                            ? samples.attendances(events) : samples.communitiesFounded(events);
                    Ingest attempt = ingest(kafka, ledger, group, records, timeout);
                    if (attempt.applied()) {
                        ingest = attempt;
                        break;
                    }
                    notes.add("analytics-service read the " + events + " events on " + topic
                            + " but applied none of them (a type it does not handle yet).");
                }
            }
            if (ingest == null) {
                throw new IllegalStateException("analytics-service applied none of the benchmark's events: "
                        + String.join(" ", notes));
            }
            String jars = context.jarsUsed();
            // Alone on the machine for the baseline, as analytics-service was (but for the broker).
            analytics.close();

            // Once unmeasured: class loading and the first fetch session belong to no consumer's steady rate.
            RawConsumer.read(bootstrap, ingest.produced(), Duration.ofSeconds(120));
            List<String> rawRows = new ArrayList<>();
            double[] rawRates = new double[rawRepeats];
            for (int i = 0; i < rawRepeats; i++) {
                RawConsumer.Read read = RawConsumer.read(bootstrap, ingest.produced(), Duration.ofSeconds(120));
                rawRates[i] = Throughput.perSecond(read.records(), read.elapsedNanos());
                rawRows.add(fixed(rawRates[i], 0));
            }
            // The same records checked as the contract asks of every consumer (no database): the CPU bound.
            RawConsumer.readChecked(bootstrap, ingest.produced(), Duration.ofSeconds(120));
            double[] checkedRates = new double[rawRepeats];
            for (int i = 0; i < rawRepeats; i++) {
                RawConsumer.Read read = RawConsumer.readChecked(bootstrap, ingest.produced(), Duration.ofSeconds(120));
                checkedRates[i] = Throughput.perSecond(read.records(), read.elapsedNanos());
            }
            return report(command, options, load, ingest, rawRates, rawRows, checkedRates, notes, events, jars);
        }
    }

    private Ingest ingest(KafkaTools kafka, ProcessedEvents ledger, String group,
                          List<ProducerRecord<String, byte[]>> records, Duration timeout) throws Exception {
        String topic = records.get(0).topic();
        long before = ledger.count();
        long dltBefore = kafka.endOffsets(Topics.deadLetterOf(topic));
        System.out.printf("[bench] producing %d events onto %s%n", records.size(), topic);
        long begin = System.nanoTime();
        KafkaTools.Produced produced = kafka.produce(records);
        long end = produced.ranges().values().stream().mapToLong(r -> r[1]).sum();
        long lastPrint = begin;
        while (true) {
            long now = System.nanoTime();
            long applied = ledger.count() - before;
            if (applied >= records.size()) {
                long wall = System.nanoTime() - begin;
                return new Ingest(true, produced, applied, wall, before == 0 ? ledger.span() : null);
            }
            if (now - lastPrint > 5_000_000_000L) {
                lastPrint = now;
                System.out.printf("[bench] %d of %d applied after %.0f s%n", applied, records.size(), (now - begin) / 1e9);
            }
            long deadLettered = kafka.endOffsets(Topics.deadLetterOf(topic)) - dltBefore;
            if (deadLettered > 0) {
                throw new IllegalStateException("analytics-service dead-lettered " + deadLettered + " of the benchmark's "
                        + "events on " + topic + " (see its log): the contracts it was built with differ from these");
            }
            if (applied == 0 && kafka.committed(group, topic) >= end) {
                return new Ingest(false, produced, 0, 0, null);
            }
            if (now - begin > timeout.toNanos()) {
                if (applied == 0) {
                    throw new IllegalStateException("analytics-service applied none of " + records.size()
                            + " events in " + timeout.toSeconds() + " s");
                }
                // A rate over part of the batch is still a rate: report it, marked as such.
                System.out.printf("[bench] stopping at the time limit: %d of %d applied%n", applied, records.size());
                return new Ingest(true, produced, applied, now - begin, before == 0 ? ledger.span() : null);
            }
            Thread.sleep(100);
        }
    }

    private Report report(String command, Options options, MachineLoad load, Ingest ingest, double[] rawRates,
                          List<String> rawRows, double[] checkedRates, List<String> notes, int events,
                          String jars) {
        double raw = Throughput.median(rawRates);
        double checked = Throughput.median(checkedRates);
        double wall = Throughput.perSecond(ingest.appliedCount(), ingest.wallNanos());
        String type = ingest.produced().topic().equals(Topics.EVENT)
                ? "guildhall.event.attendance-recorded.v1" : "guildhall.community.founded.v1";
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("raw KafkaConsumer (baseline), median of " + rawRates.length, fixed(raw, 0), "1.00x",
                "repeats: " + String.join(", ", rawRows) + " events/s"));
        rows.add(List.of("the same reads, each record checked as the contract asks (headers, topic, JSON Schema, "
                        + "decoded, key and subject), no database, median of " + checkedRates.length,
                fixed(checked, 0), fixed(new Ratio(checked, raw).value(), 4) + "x",
                "the CPU bound of any consumer that checks what it applies"));
        rows.add(List.of("analytics-service into its read model, produce start to last row", fixed(wall, 0),
                fixed(new Ratio(wall, raw).value(), 4) + "x",
                "raw is " + fixed(raw / wall, 0) + " times faster, checking alone "
                        + fixed(checked / wall, 1) + " times; " + ingest.appliedCount() + " of " + events
                        + " applied in " + fixed(ingest.wallNanos() / 1e9, 1) + " s" + (ingest.appliedCount() < events
                        ? " (stopped at ingest-timeout)" : "")));
        if (ingest.span() != null && ingest.span().duration().toNanos() > 0) {
            double applied = Throughput.perSecond(ingest.span().rowsBeforeLast(), ingest.span().duration().toNanos());
            rows.add(List.of("analytics-service, first to last processed_at (database clock)", fixed(applied, 0),
                    fixed(new Ratio(applied, raw).value(), 4) + "x", "rows " + ingest.span().rows() + ", "
                            + ingest.span().rowsBeforeLast() + " of them stamped before the last transaction"));
        }
        Report report = new Report(name(), "Ingest: analytics-service vs a raw Kafka consumer", command)
                .fact("options", options.describe())
                .fact("events", events + " x " + type + " on " + ingest.produced().topic()
                        + " (1 partition, CloudEvents binary mode, each validated against its JSON Schema before sending)"
                        + ", produced in " + fixed(ingest.produced().elapsedNanos() / 1e9, 2) + " s ("
                        + fixed(Throughput.perSecond(events, ingest.produced().elapsedNanos()), 0) + " events/s, acks=all)")
                .fact("setup", "private Kafka broker of this run; analytics-service from its jar with a fresh database "
                        + "(bench_analytics) and consumer group; done when processed_event holds all events (JDBC poll "
                        + "every 100 ms); the raw consumer reads the same offsets after analytics-service has stopped, once "
                        + "unmeasured, then " + rawRates.length + " times; then the same again, checking each record")
                .fact("jars", jars)
                .fact("machine", load.describeUntilNow())
                .heading("Events per second")
                .table(List.of("consumer", "events/s", "ratio to raw", "notes"), rows);
        if (!notes.isEmpty()) {
            report.heading("Notes").paragraph(String.join("\n\n", notes));
        }
        return report;
    }
}
