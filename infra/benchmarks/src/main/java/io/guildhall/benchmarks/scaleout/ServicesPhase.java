package io.guildhall.benchmarks.scaleout;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.burst.BenchUsers;
import io.guildhall.benchmarks.burst.BurstBenchmark;
import io.guildhall.benchmarks.kafka.KafkaTools;
import io.guildhall.benchmarks.kafka.OutboxOnKafka;
import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.contracts.Topics;
import io.guildhall.devstack.KafkaCluster;
import io.guildhall.devstack.Postgres;
import io.guildhall.devstack.ServiceSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import tools.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The services on the three-node cluster: two instances each of event-service (one database) and analytics-service
 * (one database, one consumer group), the topics at 6 partitions, 3 copies, 2 in sync. {@code people} employees answer
 * GOING for an event of {@code seats} seats at once, alternating between the two event-service instances; while the
 * answers are in flight one Kafka node, the second event-service and the second analytics-service are SIGKILLed.
 * Whoever got no answer asks again (the same PUT) at the surviving instance, as a person clicking again would.
 */
final class ServicesPhase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(boolean passed, List<List<String>> rows) {
    }

    static Result run(BenchContext context, KafkaCluster cluster, int people, int seats, double killAt) throws Exception {
        String bootstrap = cluster.bootstrapServers();
        String group = "analytics-scaleout-" + context.runId();
        Map<String, String> env = Map.of("GUILDHALL_KAFKA_BROKERS", bootstrap, "GUILDHALL_KAFKA_PARTITIONS", "6",
                "GUILDHALL_KAFKA_REPLICATION_FACTOR", "3", "GUILDHALL_KAFKA_MIN_INSYNC_REPLICAS", "2");
        Map<String, String> analyticsEnv = new HashMap<>(env);
        analyticsEnv.put("GUILDHALL_KAFKA_CONSUMER_GROUP", group);

        long t0 = System.nanoTime();
        ServiceJvm analyticsA = context.start(ServiceSpec.ANALYTICS, "bench_analytics_scaleout", analyticsEnv, List.of());
        ServiceJvm eventA = context.start(ServiceSpec.EVENT, "bench_event_scaleout", env, List.of());
        ServiceJvm analyticsB = context.restart(analyticsA, analyticsEnv, List.of());
        ServiceJvm eventB = context.restart(eventA, env, List.of());
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        String eventDb = eventA.spec().database().orElseThrow();
        String analyticsDb = analyticsA.spec().database().orElseThrow();
        int dbPort = context.stack().dbPort();
        Group before;
        try (KafkaTools kafka = new KafkaTools(bootstrap)) {
            kafka.subscribedTopics(group, Duration.ofSeconds(120));
            before = group(bootstrap, group);
        }

        BenchUsers users = new BenchUsers(context.stack().keycloakUrl());
        users.ensure(people);
        List<String> tokens = users.tokens(people);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        String eventId = BurstBenchmark.schedule(http, eventA.baseUrl(), context.stack(), seats);

        // The kills land mid-burst: once event-service has decided killAt of the answers (its rsvp rows).
        long[] decidedAtKill = {-1};
        Thread killer = new Thread(() -> {
            try {
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                long decided = 0;
                while (decided < people * killAt && System.nanoTime() < until) {
                    decided = scalar(dbPort, eventDb, "SELECT count(*) FROM rsvp WHERE event_id = '" + eventId + "'");
                    Thread.sleep(10);
                }
                decidedAtKill[0] = decided;
                cluster.kill(1);
                eventB.kill();
                analyticsB.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "scaleout-killer");
        long burstStart = System.nanoTime();
        killer.start();
        List<BurstBenchmark.Answer> answers = BurstBenchmark.burst(http, List.of(eventA.baseUrl(), eventB.baseUrl()),
                eventId, tokens, true);
        killer.join();
        long killedAt = System.nanoTime();
        Map<Integer, Integer> firstStatuses = new TreeMap<>();
        answers.forEach(a -> firstStatuses.merge(a.status(), 1, Integer::sum));
        // Decisions committed whose answer never reached the person (the instance died first): their second ask
        // must get the same decision back, not a second seat.
        long decidedAfterBurst = scalar(dbPort, eventDb, "SELECT count(*) FROM rsvp WHERE event_id = '" + eventId + "'");
        long answeredFirstTime = answers.stream().filter(a -> a.status() == 200).count();

        // Whoever got no decision asks again at the surviving instance.
        List<String> finalAnswers = new ArrayList<>();
        int retried = 0;
        for (int i = 0; i < answers.size(); i++) {
            BurstBenchmark.Answer answer = answers.get(i);
            String body = answer.status() == 200 ? answer.body() : null;
            for (int attempt = 0; body == null && attempt < 10; attempt++) {
                retried += attempt == 0 ? 1 : 0;
                HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(eventA.baseUrl() + "/api/events/"
                                + eventId + "/rsvp")).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.get(i))
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"GOING\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (again.statusCode() == 200) {
                    body = again.body();
                } else {
                    Thread.sleep(1000);
                }
            }
            finalAnswers.add(body);
        }
        long going = 0;
        List<Integer> positions = new ArrayList<>();
        long unanswered = 0;
        for (String body : finalAnswers) {
            if (body == null) {
                unanswered++;
                continue;
            }
            JsonNode json = JSON.readTree(body);
            if ("GOING".equals(json.path("status").asString())) {
                going++;
            } else if (json.hasNonNull("position")) {
                positions.add(json.get("position").asInt());
            }
        }
        positions.sort(Integer::compare);
        boolean seatsExact = going == seats && unanswered == 0
                && positions.equals(IntStream.rangeClosed(1, people - seats).boxed().toList());
        long goingInDb = scalar(dbPort, eventDb, "SELECT count(*) FROM rsvp WHERE event_id = '" + eventId + "' AND status = 'GOING'");

        // The surviving analytics instance takes over the dead one's partitions: each instance runs one consumer per
        // listener, so the group keeps half its members, holding every partition.
        long takeoverAt = 0;
        Group after = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            after = group(bootstrap, group);
            if (after.members() * 2 == before.members() && after.partitions() == before.partitions()) {
                takeoverAt = System.nanoTime();
                break;
            }
            Thread.sleep(250);
        }

        // Everything out: the outbox empty, the event topic read by the group to its end.
        long unsent = -1;
        boolean caughtUp = false;
        try (KafkaTools kafka = new KafkaTools(bootstrap)) {
            while (System.nanoTime() < deadline + Duration.ofSeconds(60).toNanos()) {
                unsent = scalar(dbPort, eventDb, "SELECT count(*) FROM guildhall_outbox WHERE sent_at IS NULL");
                if (unsent == 0 && kafka.committedAtLeast(group, kafka.endOffsetsByPartition(Topics.EVENT))) {
                    caughtUp = true;
                    break;
                }
                Thread.sleep(500);
            }
        }
        double caughtUpAfter = (System.nanoTime() - killedAt) / 1e9;
        OutboxOnKafka onKafka = OutboxOnKafka.check(bootstrap, dbPort, eventDb, Topics.EVENT);
        Map<String, String> accepted = pairs(dbPort, eventDb, "SELECT person_id, status FROM rsvp WHERE event_id = '" + eventId + "'");
        Map<String, String> seen = pairs(dbPort, analyticsDb, "SELECT person_id, status FROM rsvp WHERE event_id = '" + eventId + "'");
        long differ = new TreeSet<>(union(accepted.keySet(), seen.keySet())).stream()
                .filter(person -> !String.valueOf(accepted.get(person)).equals(String.valueOf(seen.get(person)))).count();
        cluster.restart(1);

        boolean passed = seatsExact && goingInDb == seats && caughtUp && onKafka.missing() == 0 && onKafka.outOfOrder() == 0
                && differ == 0 && takeoverAt > 0 && accepted.size() == people;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("services started (2 event-service, 2 analytics-service on the cluster)", fixed(startSeconds) + " s"));
        rows.add(List.of("analytics group before the kills: consumers holding partitions / partitions", before.members() + " / " + before.partitions()));
        rows.add(List.of("burst", people + " people for " + seats + " seats, alternating between the two event-service instances"));
        rows.add(List.of("killed once " + decidedAtKill[0] + " answers were decided (kill-at=" + killAt + ")",
                "Kafka node 2, event-service B, analytics-service B (SIGKILL)"));
        rows.add(List.of("first answers by status (-1: connection lost with the killed instance)", firstStatuses.toString()));
        rows.add(List.of("decided but the answer lost with the dead instance", Long.toString(decidedAfterBurst - answeredFirstTime)));
        rows.add(List.of("people who asked again at the surviving instance", Integer.toString(retried)));
        rows.add(List.of("going / seats; waitlist positions 1.." + (people - seats), going + " / " + seats + "; "
                + (seatsExact ? "exact" : "NOT exact") + " (" + unanswered + " without an answer)"));
        rows.add(List.of("GOING rows in event-service's database", Long.toString(goingInDb)));
        rows.add(List.of("analytics B's partitions taken over by A after", (takeoverAt > 0 ? fixed((takeoverAt - killedAt) / 1e9) + " s" : "NEVER")
                + " (then " + (after == null ? "?" : after.members() + " / " + after.partitions()) + ")"));
        rows.add(List.of("outbox empty and the event topic read to its end after", caughtUp ? fixed(caughtUpAfter) + " s" : "NOT caught up (" + unsent + " unsent)"));
        rows.add(List.of("event-service outbox rows on the event topic: missing / twice / out of order per key",
                onKafka.rows() + " rows: " + onKafka.missing() + " / " + onKafka.duplicates() + " / " + onKafka.outOfOrder()));
        rows.add(List.of("answers in event-service vs analytics' read model", accepted.size() + " vs " + seen.size() + ", " + differ + " differ"));
        return new Result(passed, rows);
    }

    /** The group's members that hold partitions, and how many partitions they hold together. */
    record Group(int members, int partitions) {
    }

    private static Group group(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            int members = 0;
            int partitions = 0;
            for (MemberDescription member : description.members()) {
                int held = member.assignment().topicPartitions().size();
                members += held > 0 ? 1 : 0;
                partitions += held;
            }
            return new Group(members, partitions);
        }
    }

    private static long scalar(int port, String database, String sql) throws SQLException {
        try (Connection db = Postgres.connect(port, database); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, String> pairs(int port, String database, String sql) throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        try (Connection db = Postgres.connect(port, database); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                pairs.put(rows.getString(1), rows.getString(2));
            }
        }
        return pairs;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String fixed(double value) {
        return io.guildhall.benchmarks.report.Report.fixed(value, 1);
    }
}
