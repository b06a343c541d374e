package io.guildhall.benchmarks.freshness;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.Benchmark;
import io.guildhall.benchmarks.Options;
import io.guildhall.benchmarks.burst.BenchUsers;
import io.guildhall.benchmarks.burst.BurstBenchmark;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.benchmarks.report.MachineLoad;
import io.guildhall.benchmarks.report.Report;
import io.guildhall.benchmarks.kafka.KafkaTools;
import io.guildhall.benchmarks.stats.LatencySamples;
import io.guildhall.contracts.Topics;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * Check-in to report: grace schedules an event, ada answers GOING, grace checks ada in through event-service's API,
 * and the clock runs from that check-in request until analytics-service shows ada's minutes. event-service and
 * analytics-service run from their jars on the run's private broker, as in production: outbox, relay, Kafka,
 * idempotent consumer, read model. With {@code burst=N}, the same repeats run again while N people answer GOING for
 * one hot event at once.
 */
public final class FreshnessBenchmark implements Benchmark {

    private static final int WARMUP_REPEATS = 3;

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public Report run(BenchContext context, String command) throws Exception {
        Options options = context.options();
        int repeats = options.integer("repeats", 30);
        int pollMillis = options.integer("poll-ms", 20);
        Duration timeout = Duration.ofSeconds(options.integer("freshness-timeout", 60));
        GuildhallStack stack = context.stack();
        MachineLoad load = MachineLoad.begin();

        String analyticsDb = "bench_analytics_freshness";
        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            kafka.createGuildhallTopics();
        }
        ServiceJvm analytics = context.start(ServiceSpec.ANALYTICS, analyticsDb,
                Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", "analytics-bench-" + context.runId()), List.of());
        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            Set<String> read = kafka.subscribedTopics("analytics-bench-" + context.runId(), Duration.ofSeconds(120));
            if (!read.contains(Topics.EVENT)) {
                throw new IllegalStateException("This analytics-service build does not read " + Topics.EVENT
                        + " (its consumer group reads " + read + "): no check-in can reach it");
            }
        }
        ServiceJvm events = context.start(ServiceSpec.EVENT, "bench_event", Map.of(), List.of());
        Api eventApi = new Api(stack, events.baseUrl());
        String ada = stack.personId("ada");

        List<Probe> probes = new ArrayList<>();
        probes.add(new ParticipationRowProbe(stack.dbPort(), analyticsDb));
        List<String> notes = new ArrayList<>();
        MeReportProbe.connect(new Api(stack, analytics.baseUrl()),
                options.text("me-minutes", MeReportProbe.DEFAULT_POINTER), notes).ifPresent(probes::add);

        Map<String, LatencySamples> visible = new LinkedHashMap<>();
        probes.forEach(p -> visible.put(p.label(), new LatencySamples()));
        LatencySamples checkInCall = new LatencySamples();
        // The asynchronous part alone: from event-service's answer until the report shows it.
        LatencySamples afterAnswer = new LatencySamples();
        int burst = options.integer("burst", 0);
        BurstRun duringBurst;
        try {
            for (int i = 0; i < WARMUP_REPEATS + repeats; i++) {
                boolean measured = i >= WARMUP_REPEATS;
                String eventId = scheduleAndAnswer(eventApi, i);
                int minutes = 30 + i % 31;
                for (Probe probe : probes) {
                    probe.prepare();
                }
                long begin = System.nanoTime();
                eventApi.call("POST", "/api/events/" + eventId + "/check-ins", "grace",
                        "{\"personId\":\"" + ada + "\",\"minutes\":" + minutes + "}");
                long answered = System.nanoTime();
                Map<String, Long> seen = awaitVisible(probes, eventId, ada, minutes, begin, pollMillis, timeout);
                if (measured) {
                    checkInCall.add(answered - begin);
                    seen.forEach((label, nanos) -> visible.get(label).add(nanos));
                    afterAnswer.add(Math.max(0, seen.get(probes.get(probes.size() - 1).label()) - (answered - begin)));
                }
                System.out.printf("[bench] %s %d: %s%n", measured ? "repeat" : "warm-up", i + 1, seen.entrySet().stream()
                        .map(e -> e.getKey() + " " + fixed(e.getValue() / 1e6, 0) + " ms").toList());
            }
            duringBurst = burst > 0 ? duringBurst(context, eventApi, events.baseUrl(), probes, ada, burst, pollMillis,
                    timeout) : null;
        } finally {
            for (Probe probe : probes) {
                probe.close();
            }
        }

        List<List<String>> rows = new ArrayList<>();
        rows.add(row("event-service answers the check-in (baseline: the synchronous write)", checkInCall));
        visible.forEach((label, samples) -> rows.add(row(label, samples)));
        String lastLabel = probes.get(probes.size() - 1).label();
        rows.add(row(lastLabel + ", counted from event-service's answer (outbox relay, Kafka, consumer)", afterAnswer));
        LatencySamples last = visible.get(lastLabel);
        Report report = new Report(name(), "Freshness: check-in to report", command)
                .fact("options", options.describe() + "; " + repeats + " measured repeats after " + WARMUP_REPEATS
                        + " warm-up repeats, polling every " + pollMillis + " ms")
                .fact("setup", "event-service " + events.baseUrl() + " (fresh database bench_event) and analytics-service "
                        + analytics.baseUrl() + " (fresh database " + analyticsDb + ", fresh consumer group) from their jars "
                        + "on a private Kafka broker; each repeat: grace schedules an online TRAINING starting in 20 min, "
                        + "ada answers GOING, grace checks ada in (POST /api/events/{id}/check-ins) and the clock runs from "
                        + "that request until each place shows ada's minutes")
                .fact("jars", context.jarsUsed())
                .fact("machine", load.describeUntilNow())
                .heading("Milliseconds from the check-in request")
                .table(List.of("until", "repeats", "p50 ms", "p99 ms", "max ms", "mean ms"), rows)
                .paragraph("Nearest-rank percentiles of " + last.count() + " repeats" + (last.count() <= 100
                        ? " (with 100 or fewer, p99 is the slowest repeat)" : "") + "; the figures include up to "
                        + pollMillis + " ms of polling granularity.");
        if (duringBurst != null) {
            report.heading("During a sign-up burst of " + burst + " people")
                    .paragraph(burst + " bench employees answer GOING at once for a training with " + duringBurst.seats()
                            + " seats (as `burst` does, straight to event-service); meanwhile the same check-in repeats"
                            + " run back to back. Counted: the repeats whose check-in was sent before the last answer of"
                            + " the burst came back. The burst took " + fixed(duringBurst.seconds(), 2) + " s, answers by"
                            + " HTTP status " + duringBurst.statuses() + ".")
                    .table(List.of("until", "repeats", "p50 ms", "p99 ms", "max ms", "mean ms"),
                            List.of(row(lastLabel + ", check-in sent during the burst", duringBurst.visible())));
        }
        if (!notes.isEmpty()) {
            report.heading("Notes").paragraph(String.join("\n\n", notes));
        }
        return report;
    }

    record BurstRun(int seats, double seconds, Map<Integer, Integer> statuses, LatencySamples visible) {
    }

    /**
     * Issue 11's freshness under load: while {@code people} bench employees answer GOING for one hot event at once,
     * the check-in repeats run back to back; each repeat whose check-in went out before the burst's last answer
     * came back is a sample.
     */
    private static BurstRun duringBurst(BenchContext context, Api eventApi, String eventBase, List<Probe> probes,
                                        String ada, int people, int pollMillis, Duration timeout) throws Exception {
        GuildhallStack stack = context.stack();
        BenchUsers users = new BenchUsers(stack.keycloakUrl());
        users.ensure(people);
        List<String> tokens = users.tokens(people);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        int seats = Math.max(1, people / 10);
        String hot = BurstBenchmark.schedule(http, eventBase, stack, seats);
        String next = scheduleAndAnswer(eventApi, 1000);
        long start = System.nanoTime();
        java.util.concurrent.CompletableFuture<List<BurstBenchmark.Answer>> running =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> BurstBenchmark.burst(http, eventBase, hot,
                        tokens, true));
        LatencySamples visible = new LatencySamples();
        String last = probes.get(probes.size() - 1).label();
        for (int i = 0; !running.isDone(); i++) {
            for (Probe probe : probes) {
                probe.prepare();
            }
            int minutes = 30 + i % 31;
            long begin = System.nanoTime();
            eventApi.call("POST", "/api/events/" + next + "/check-ins", "grace",
                    "{\"personId\":\"" + ada + "\",\"minutes\":" + minutes + "}");
            boolean during = !running.isDone();
            Map<String, Long> seen = awaitVisible(probes, next, ada, minutes, begin, pollMillis, timeout);
            if (during) {
                visible.add(seen.get(last));
            }
            System.out.printf("[bench] during the burst %d: %s%n", i + 1, seen.entrySet().stream()
                    .map(e -> e.getKey() + " " + fixed(e.getValue() / 1e6, 0) + " ms").toList());
            next = scheduleAndAnswer(eventApi, 1001 + i);
        }
        List<BurstBenchmark.Answer> answers = running.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        answers.forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
        return new BurstRun(seats, seconds, statuses, visible);
    }

    private static String scheduleAndAnswer(Api eventApi, int i) {
        Instant startsAt = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode event = eventApi.call("POST", "/api/events", "grace", "{\"title\":\"Freshness probe " + (i + 1)
                + "\",\"type\":\"TRAINING\",\"format\":\"ONLINE\",\"onlineUrl\":\"https://meet.example.org/bench\","
                + "\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"" + startsAt.plus(Duration.ofHours(1))
                + "\",\"timeZone\":\"Europe/Berlin\"}");
        String eventId = event.get("id").asString();
        eventApi.call("PUT", "/api/events/" + eventId + "/rsvp", "ada", "{\"status\":\"GOING\"}");
        return eventId;
    }

    /**
     * Nanoseconds from {@code begin} until each probe first showed the attendance. Each probe polls on its own thread,
     * so a slow HTTP call of one never delays the other's observation.
     */
    private static Map<String, Long> awaitVisible(List<Probe> probes, String eventId, String personId, int minutes,
                                                  long begin, int pollMillis, Duration timeout) throws Exception {
        Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> pollers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (Probe probe : probes) {
            Thread poller = new Thread(() -> {
                try {
                    while (!probe.shows(eventId, personId, minutes)) {
                        if (System.nanoTime() - begin > timeout.toNanos()) {
                            return;
                        }
                        Thread.sleep(pollMillis);
                    }
                    seen.put(probe.label(), System.nanoTime() - begin);
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "probe-" + probe.label());
            poller.start();
            pollers.add(poller);
        }
        for (Thread poller : pollers) {
            poller.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        if (seen.size() < probes.size()) {
            throw new IllegalStateException("After " + timeout.toSeconds() + " s only " + seen.keySet()
                    + " showed the check-in of event " + eventId);
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        probes.forEach(p -> ordered.put(p.label(), seen.get(p.label())));
        return ordered;
    }

    private static List<String> row(String label, LatencySamples samples) {
        return List.of(label, String.valueOf(samples.count()), fixed(samples.percentileMillis(50), 0),
                fixed(samples.percentileMillis(99), 0), fixed(samples.percentileMillis(100), 0),
                fixed(samples.meanMillis(), 0));
    }
}
