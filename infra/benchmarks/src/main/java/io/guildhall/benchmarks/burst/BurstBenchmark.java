package io.guildhall.benchmarks.burst;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.Benchmark;
import io.guildhall.benchmarks.Options;
import io.guildhall.benchmarks.kafka.KafkaTools;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.benchmarks.report.MachineLoad;
import io.guildhall.benchmarks.report.ProcessCpu;
import io.guildhall.benchmarks.report.Report;
import io.guildhall.benchmarks.stats.LatencySamples;
import io.guildhall.contracts.Topics;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.guildhall.benchmarks.report.Report.fixed;

/**
 * A sign-up burst: {@code people} distinct employees, each with their own Keycloak token, answer GOING for an event
 * with {@code seats} seats at the same moment ({@code PUT /api/events/{id}/rsvp}), straight to event-service and
 * through the gateway in the same run. Checks that exactly the seats are taken and that the waitlist positions run
 * 1..people−seats, counts answers by status, and measures how long until the last decision is on Kafka and until
 * analytics-service has consumed it. Baseline: PostgreSQL's rate for one locked single-row update per transaction.
 */
public final class BurstBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** community-service's consumer group on the event topic (its application.yml). */
    private static final String COMMUNITY_GROUP = "community-service";

    @Override
    public String name() {
        return "burst";
    }

    record Outcome(String target, int people, int seats, double seconds, LatencySamples latencies,
                   Map<Integer, Integer> statuses, long going, boolean positionsExact, double onKafkaAfter,
                   double appliedAfter, double communityAfter, double readSeconds, int readers,
                   LatencySamples readLatencies, String cpu, String portal) {
    }

    @Override
    public Report run(BenchContext context, String command) throws Exception {
        Options options = context.options();
        List<Integer> people = options.integers("people", List.of(1000, 5000));
        List<Integer> seats = options.integers("seats", List.of(100, 500));
        if (people.size() != seats.size()) {
            throw new IllegalArgumentException("people= and seats= pair up: give as many of each");
        }
        List<String> targets = List.of(options.text("targets", "direct,gateway").split(","));
        GuildhallStack stack = context.stack();
        MachineLoad load = MachineLoad.begin();

        try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
            kafka.createGuildhallTopics();
        }
        String group = "analytics-bench-" + context.runId();
        context.start(ServiceSpec.ANALYTICS, "bench_analytics_burst", Map.of("GUILDHALL_KAFKA_CONSUMER_GROUP", group), List.of());
        // community-service consumes the event topic too (goal evidence): its catch-up is measured beside analytics'.
        ServiceJvm communities = context.start(ServiceSpec.COMMUNITY, "bench_community_burst", Map.of(), List.of());
        ServiceJvm events = context.start(ServiceSpec.EVENT, "bench_event_burst", Map.of(), List.of());
        // Some of the gateway burst's people answer in the portal (portal=N, PortalAnswers): its sign-in needs the
        // gateway on the port the realm accepts as a redirect.
        int portalPeople = options.integer("portal", 20);
        List<String> notes = new ArrayList<>();
        if (portalPeople > 0 && io.guildhall.devstack.Ports.isOpen(PortalAnswers.PORT)) {
            notes.add("The portal was not measured: port " + PortalAnswers.PORT + " is in use (the gateway module's ITs?).");
            portalPeople = 0;
        }
        List<ServiceSpec> routes = List.of(events.spec(), communities.spec());
        ServiceJvm gateway = portalPeople > 0 && targets.contains("gateway")
                ? context.startOn(PortalAnswers.PORT, ServiceSpec.GATEWAY, null, Map.of(), routes)
                : context.start(ServiceSpec.GATEWAY, null, Map.of(), routes);
        Map<String, List<String>> bases = new LinkedHashMap<>();
        bases.put("direct", List.of(events.baseUrl()));
        bases.put("gateway", List.of(gateway.baseUrl()));
        if (targets.contains("direct2")) {
            // A second event-service on the same database and broker: people alternate between the two instances,
            // whose seat decisions and outbox relays then compete for the same event.
            ServiceJvm second = context.another(events);
            bases.put("direct2", List.of(events.baseUrl(), second.baseUrl()));
        }

        int most = people.stream().max(Integer::compare).orElseThrow();
        BenchUsers users = new BenchUsers(stack.keycloakUrl());
        long begin = System.nanoTime();
        int created = users.ensure(most);
        System.out.printf("[bench] %d bench users ready (%d created) in %.1f s%n", most, created, (System.nanoTime() - begin) / 1e9);

        System.out.println("[bench] baseline: one locked single-row update per transaction, 16 connections, 5 s");
        double baseline = LockedUpdateBaseline.run(stack.dbPort(), stack.freshDatabase("bench_locked_update"), 16,
                Duration.ofSeconds(5));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        // Warm-up: small bursts on each target, so the measured burst does not pay for class loading and, with
        // warmup= rounds (default 1), for the JIT: a service that has served a day's traffic has compiled its paths.
        int warmRounds = options.integer("warmup", 1);
        List<String> warmTokens = users.tokens(Math.min(50, most));
        long warmStart = System.nanoTime();
        for (String target : targets) {
            for (int round = 0; round < warmRounds; round++) {
                String warmEvent = schedule(http, bases.get(target).get(0), stack, 10);
                burst(http, bases.get(target), warmEvent, warmTokens, false);
                burst(http, bases.get(target), warmEvent, warmTokens, true);
            }
        }
        System.out.printf("[bench] warm-up: %d round(s) of %d GETs and %d RSVPs per target in %.1f s%n", warmRounds,
                warmTokens.size(), warmTokens.size(), (System.nanoTime() - warmStart) / 1e9);

        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            int n = people.get(i);
            int s = seats.get(i);
            for (String target : targets) {
                // Fresh tokens per burst: access tokens live 10 minutes, and fetching thousands takes a while.
                long t0 = System.nanoTime();
                List<String> tokens = users.tokens(n);
                System.out.printf("[bench] %d tokens in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
                String eventId = schedule(http, bases.get(target).get(0), stack, s);
                // Through the gateway, the last portal= people click in the portal instead of calling the API.
                int inPortal = target.equals("gateway") ? Math.min(portalPeople, n) : 0;
                List<String> portalUsers = IntStream.rangeClosed(n - inPortal + 1, n).mapToObj(BenchUsers::username)
                        .toList();
                System.out.printf("[bench] burst: %d people for %d seats, %s%s%n", n, s, target,
                        inPortal > 0 ? " (" + inPortal + " of them in the portal)" : "");
                outcomes.add(measure(context, http, target, bases.get(target), eventId, tokens.subList(0, n - inPortal),
                        portalUsers, gateway.baseUrl(), s, group));
            }
        }
        return report(command, options, context, load, baseline, outcomes, events, gateway, notes);
    }

    private Outcome measure(BenchContext context, HttpClient http, String target, List<String> base, String eventId,
                            List<String> tokens, List<String> portalUsers, String gatewayUrl, int seats, String group)
            throws Exception {
        PortalAnswers portal = portalUsers.isEmpty() ? null : PortalAnswers.signIn(gatewayUrl, eventId, portalUsers);
        java.util.concurrent.ExecutorService clicking = PortalAnswers.pool(portalUsers.size());
        try (KafkaConsumer<String, byte[]> consumer = consumer(context.kafkaBootstrapServers())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENT).stream()
                    .map(p -> new TopicPartition(Topics.EVENT, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            // Baseline through the same HTTP, token and security path: the same people read the event at once.
            long readStart = System.nanoTime();
            List<Answer> reads = burst(http, base, eventId, tokens, false);
            double readSeconds = (System.nanoTime() - readStart) / 1e9;
            LatencySamples readLatencies = new LatencySamples();
            reads.forEach(r -> readLatencies.add(r.nanos()));

            ProcessCpu cpu = ProcessCpu.begin();
            long start = System.nanoTime();
            List<CompletableFuture<PortalAnswers.Shown>> clicks = portal == null ? List.of()
                    : portal.clickGoing(eventId, clicking);
            List<Answer> answers = burst(http, base, eventId, tokens, true);
            List<PortalAnswers.Shown> shown = clicks.stream().map(CompletableFuture::join).toList();
            clicking.shutdown();
            long end = System.nanoTime();
            String cpuDuringBurst = cpu.describeUntilNow();

            LatencySamples latencies = new LatencySamples();
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<Integer> positions = new ArrayList<>();
            long going = 0;
            for (Answer answer : answers) {
                latencies.add(answer.nanos());
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() == 200 && answer.body() != null) {
                    JsonNode json = JSON.readTree(answer.body());
                    if ("GOING".equals(json.path("status").asString())) {
                        going++;
                    } else if (json.hasNonNull("position")) {
                        positions.add(json.get("position").asInt());
                    }
                }
            }
            for (PortalAnswers.Shown click : shown) {
                if ("GOING".equals(click.answer())) {
                    going++;
                } else if (click.position() != null) {
                    positions.add(click.position());
                }
            }
            positions.sort(Integer::compare);
            int people = tokens.size() + shown.size();
            boolean exact = going == seats
                    && positions.equals(IntStream.rangeClosed(1, people - seats).boxed().toList());

            // The decisions on Kafka, counted by a consumer that started at the end of the topic before the burst.
            int decided = (int) (answers.stream().filter(a -> a.status() == 200).count()
                    + shown.stream().filter(PortalAnswers.Shown::showsAnswer).count());
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (seen < decided && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (eventId.equals(record.key()) && type != null
                            && new String(type.value(), StandardCharsets.UTF_8).contains(".rsvp-")) {
                        seen++;
                    }
                }
            }
            double onKafka = seen >= decided ? (System.nanoTime() - end) / 1e9 : Double.NaN;

            // Applied by analytics and by community-service: each consumer group has committed the whole event topic.
            double applied = Double.NaN;
            double community = Double.NaN;
            try (KafkaTools kafka = new KafkaTools(context.kafkaBootstrapServers())) {
                long topicEnd = kafka.endOffsets(Topics.EVENT);
                while (System.nanoTime() < deadline && (Double.isNaN(applied) || Double.isNaN(community))) {
                    if (Double.isNaN(applied) && kafka.committed(group, Topics.EVENT) >= topicEnd) {
                        applied = (System.nanoTime() - end) / 1e9;
                    }
                    if (Double.isNaN(community) && kafka.committed(COMMUNITY_GROUP, Topics.EVENT) >= topicEnd) {
                        community = (System.nanoTime() - end) / 1e9;
                    }
                    Thread.sleep(50);
                }
            }
            return new Outcome(target, people, seats, (end - start) / 1e9, latencies, statuses, going, exact,
                    onKafka, applied, community, readSeconds, tokens.size(), readLatencies, cpuDuringBurst,
                    PortalAnswers.describe(shown));
        }
    }

    public record Answer(int status, long nanos, String body) {
    }

    /** Every person's PUT (or, for the baseline, GET of the event) at once; each answer with its latency. */
    public static List<Answer> burst(HttpClient http, String base, String eventId, List<String> tokens, boolean rsvp) {
        return burst(http, List.of(base), eventId, tokens, rsvp);
    }

    /** As above, person i sending to instance i mod the number of bases (two instances of one service, say). */
    public static List<Answer> burst(HttpClient http, List<String> bases, String eventId, List<String> tokens,
                                     boolean rsvp) {
        List<CompletableFuture<Answer>> calls = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String base = bases.get(i % bases.size());
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/events/" + eventId + (rsvp ? "/rsvp" : "")))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
            HttpRequest request = rsvp ? builder.header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"GOING\"}")).build() : builder.GET().build();
            long t0 = System.nanoTime();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> error != null
                            ? new Answer(-1, System.nanoTime() - t0, error.toString())
                            : new Answer(response.statusCode(), System.nanoTime() - t0, response.body())));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    /** grace (a community lead) schedules a training in a week with this many seats; returns its id. */
    public static String schedule(HttpClient http, String base, GuildhallStack stack, int seats) throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Hot training " + seats + " seats");
        body.put("type", "TRAINING");
        body.put("format", "IN_PERSON");
        body.put("location", "Main hall");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofMinutes(90)).toString());
        body.put("timeZone", "Europe/Berlin");
        body.put("capacity", seats);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .header("Authorization", "Bearer " + stack.accessToken("grace")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Scheduling the event: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Report report(String command, Options options, BenchContext context, MachineLoad load, double baseline,
                          List<Outcome> outcomes, ServiceJvm events, ServiceJvm gateway, List<String> notes) {
        List<List<String>> rows = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Outcome o : outcomes) {
            double rate = o.people() / o.seconds();
            rows.add(List.of(o.target(), o.people() + " / " + o.seats(), fixed(rate, 0), fixed(rate / baseline, 2),
                    fixed(o.latencies().percentileMillis(50), 0), fixed(o.latencies().percentileMillis(99), 0),
                    fixed(o.latencies().percentileMillis(100), 0), o.statuses().toString(), String.valueOf(o.going()),
                    o.positionsExact() ? "yes" : "NO", fixed(o.onKafkaAfter(), 2), fixed(o.appliedAfter(), 2), fixed(o.communityAfter(), 2),
                    fixed(o.readers() / o.readSeconds(), 0) + " /s, p99 " + fixed(o.readLatencies().percentileMillis(99), 0) + " ms",
                    o.portal()));
            summary.add("a " + o.people() + "-person sign-up for " + o.seats() + " seats (" + o.target() + ") is decided in "
                    + fixed(o.seconds(), 2) + " s");
        }
        Report report = new Report(name(), "Sign-up burst: simultaneous RSVPs for one hot event", command)
                .fact("options", options.describe())
                .fact("setup", "event-service " + events.baseUrl() + " and the gateway " + gateway.baseUrl()
                        + " (routing to it, rate limit on) and analytics-service from their jars on a private Kafka broker;"
                        + " one JVM here sends every person's PUT /api/events/{id}/rsvp {\"status\":\"GOING\"} at once"
                        + " (java.net.http, HTTP/1.1, one connection each), each with their own Keycloak token; target"
                        + " direct2: people alternate between two event-service instances on the same database;"
                        + " through the gateway the last portal= people (default 20) click \"I am going\" in the portal"
                        + " instead (signed in beforehand; htmx form post, CSRF header), and count in going and positions;"
                        + " community-service consumes the event topic beside analytics")
                .fact("jars", context.jarsUsed())
                .fact("baseline", fixed(baseline, 0) + " transactions/s: PostgreSQL, one locked single-row update per"
                        + " transaction (SELECT … FOR UPDATE; UPDATE; COMMIT), 16 connections, same server, same run")
                .fact("machine", load.describeUntilNow())
                .table(List.of("target", "people / seats", "RSVP/s", "× baseline", "p50 ms", "p99 ms", "max ms",
                        "answers by HTTP status", "going", "positions 1..N−seats exact", "last decision on Kafka (s after the burst)",
                        "analytics caught up (s after the burst)", "community-service caught up (s)",
                        "baseline 2: the same people GET /api/events/{id} at once",
                        "in the portal (htmx \"I am going\" through the gateway, during the same burst)"), rows)
                .paragraph(String.join("; ", summary) + ".")
                .paragraph("CPU by process during each RSVP burst (/proc, user + system): " + outcomes.stream()
                        .map(o -> o.target() + " " + o.people() + ": " + o.cpu()).reduce((a, b) -> a + " | " + b).orElse(""));
        if (!notes.isEmpty()) {
            report.paragraph(String.join(" ", notes));
        }
        return report;
    }
}
