package io.guildhall.benchmarks.gateway;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.Benchmark;
import io.guildhall.benchmarks.Options;
import io.guildhall.benchmarks.kafka.KafkaTools;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.benchmarks.report.MachineLoad;
import io.guildhall.benchmarks.report.Report;
import io.guildhall.benchmarks.stats.LatencySamples;
import io.guildhall.benchmarks.stats.Ratio;
import io.guildhall.benchmarks.stats.Throughput;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * The gateway's overhead: the same API request sent straight to community-service and through the gateway (both
 * their packaged jars, on free ports), at fixed concurrency, in alternating rounds so that a change in the
 * machine's load hits both paths alike.
 */
public final class GatewayBenchmark implements Benchmark {

    private record Scenario(String label, int expected, Function<String, HttpRequest> request) {
    }

    /** One path's answers over all rounds of one request and concurrency. */
    private static final class Pooled {
        final LatencySamples latencies = new LatencySamples();
        final List<String> errors = new ArrayList<>();
        long errorCount;
        long elapsedNanos;

        void add(ClosedLoopLoad.Result result) {
            latencies.addAll(result.latencies());
            errorCount += result.errors();
            elapsedNanos += result.elapsedNanos();
            if (result.firstError() != null && errors.size() < 3) {
                errors.add(result.firstError());
            }
        }

        double perSecond() {
            return Throughput.perSecond(latencies.count(), elapsedNanos);
        }
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public Report run(BenchContext context, String command) {
        Options options = context.options();
        List<Integer> concurrencies = options.integers("concurrency", List.of(1, 8));
        Duration warmup = Duration.ofSeconds(options.integer("warmup", 15));
        Duration duration = Duration.ofSeconds(options.integer("duration", 10));
        int rounds = options.integer("rounds", 3);
        boolean post = options.flag("post", true);
        GuildhallStack stack = context.stack();
        MachineLoad load = MachineLoad.begin();

        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            kafka.createGuildhallTopics();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ServiceJvm community = context.start(ServiceSpec.COMMUNITY, "bench_community", Map.of(), List.of());
        // The rate limit stays on (its filter is part of the overhead) but so high that it never refuses a call.
        ServiceJvm gateway = context.start(ServiceSpec.GATEWAY, null, Map.of(
                "GUILDHALL_GATEWAY_RATELIMIT_BURST", "1000000000",
                "GUILDHALL_GATEWAY_RATELIMIT_PERSECOND", "1000000000"), List.of(community.spec()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        seed(http, community.baseUrl(), stack);

        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("GET /api/communities", 200, base -> HttpRequest.newBuilder(URI.create(base
                        + "/api/communities")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + stack.accessToken("ada")).GET().build()));
        if (post) {
            scenarios.add(new Scenario("POST /api/communities", 201, base -> found(base, stack)));
        }
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("direct", community.baseUrl());
        targets.put("gateway", gateway.baseUrl());
        int warmupConcurrency = concurrencies.stream().max(Integer::compare).orElse(1);
        for (Scenario scenario : scenarios) {
            for (Map.Entry<String, String> target : targets.entrySet()) {
                System.out.printf("[bench] warm-up %s %s for %d s%n", target.getKey(), scenario.label(), warmup.toSeconds());
                ClosedLoopLoad.run(http, () -> scenario.request().apply(target.getValue()), scenario.expected(),
                        warmupConcurrency, warmup);
            }
        }

        List<List<String>> rows = new ArrayList<>();
        List<List<String>> overhead = new ArrayList<>();
        List<String> errorNotes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (int concurrency : concurrencies) {
                Map<String, Pooled> pooled = new LinkedHashMap<>();
                targets.keySet().forEach(t -> pooled.put(t, new Pooled()));
                for (int round = 0; round < rounds; round++) {
                    List<String> order = new ArrayList<>(targets.keySet());
                    if (round % 2 == 1) {
                        java.util.Collections.reverse(order);
                    }
                    for (String target : order) {
                        System.out.printf("[bench] %s %s, %d caller(s), round %d/%d%n", target, scenario.label(),
                                concurrency, round + 1, rounds);
                        pooled.get(target).add(ClosedLoopLoad.run(http, () -> scenario.request().apply(targets.get(target)),
                                scenario.expected(), concurrency, duration));
                    }
                }
                for (Map.Entry<String, Pooled> entry : pooled.entrySet()) {
                    Pooled p = entry.getValue();
                    rows.add(List.of(scenario.label(), String.valueOf(concurrency), entry.getKey(),
                            String.valueOf(p.latencies.count()), String.valueOf(p.errorCount),
                            fixed(p.perSecond(), 1), fixed(p.latencies.percentileMillis(50), 2),
                            fixed(p.latencies.percentileMillis(99), 2)));
                    p.errors.forEach(e -> errorNotes.add(scenario.label() + " " + entry.getKey() + ": "
                            + (e.length() > 200 ? e.substring(0, 200) : e)));
                }
                Pooled direct = pooled.get("direct");
                Pooled through = pooled.get("gateway");
                Ratio rps = new Ratio(through.perSecond(), direct.perSecond());
                Ratio p50 = new Ratio(through.latencies.percentileMillis(50), direct.latencies.percentileMillis(50));
                Ratio p99 = new Ratio(through.latencies.percentileMillis(99), direct.latencies.percentileMillis(99));
                overhead.add(List.of(scenario.label(), String.valueOf(concurrency), rps.describe(),
                        p50.describe() + ", " + signedMs(p50.difference()), p99.describe() + ", " + signedMs(p99.difference())));
            }
        }

        Report report = new Report(name(), "Gateway overhead: community-service direct vs through the gateway", command)
                .fact("options", options.describe() + "; concurrency " + concurrencies + ", warm-up " + warmup.toSeconds()
                        + " s per path and request, " + rounds + " alternating rounds of " + duration.toSeconds()
                        + " s per path, concurrency and request")
                .fact("services", "community-service " + community.baseUrl() + " (fresh database bench_community, "
                        + "private Kafka), gateway " + gateway.baseUrl() + " (GUILDHALL_ROUTE_COMMUNITY to it; rate limit "
                        + "on but raised out of reach); their jars with JVM options `" + options.text("jvm", "-Xmx256m") + "`")
                .fact("client", "java.net.http.HttpClient, HTTP/1.1 keep-alive, closed loop (each caller sends its next "
                        + "request when the answer is in), bearer tokens of ada from Keycloak, in this JVM on the same machine")
                .fact("jars", context.jarsUsed())
                .fact("machine", load.describeUntilNow())
                .heading("Per path")
                .table(List.of("request", "callers", "path", "answers", "errors", "req/s", "p50 ms", "p99 ms"), rows)
                .heading("Gateway relative to direct (same run)")
                .table(List.of("request", "callers", "throughput gateway/direct", "p50 gateway/direct, added",
                        "p99 gateway/direct, added"), overhead);
        if (!errorNotes.isEmpty()) {
            report.heading("Errors").paragraph(String.join("\n\n", errorNotes));
        }
        return report;
    }

    private static void seed(HttpClient http, String base, GuildhallStack stack) {
        // A realistic first page: the list answers 20 communities, as the portal asks for.
        for (int i = 0; i < 25; i++) {
            try {
                HttpResponse<String> created = http.send(found(base, stack), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("Seeding a community failed: HTTP " + created.statusCode() + " "
                            + created.body());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpRequest found(String base, GuildhallStack stack) {
        String suffix = UUID.randomUUID().toString().substring(0, 12);
        return HttpRequest.newBuilder(URI.create(base + "/api/communities")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + stack.accessToken("ada"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench Circle " + suffix
                        + "\",\"description\":\"A community founded by the gateway benchmark\",\"practiceArea\":\"benchmarking\"}"))
                .build();
    }

    private static String signedMs(double ms) {
        return (ms >= 0 ? "+" : "") + fixed(ms, 2) + " ms";
    }
}
