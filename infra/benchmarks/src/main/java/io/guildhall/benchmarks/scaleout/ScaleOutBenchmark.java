package io.guildhall.benchmarks.scaleout;

import io.guildhall.benchmarks.BenchContext;
import io.guildhall.benchmarks.Benchmark;
import io.guildhall.benchmarks.Options;
import io.guildhall.benchmarks.report.MachineLoad;
import io.guildhall.benchmarks.report.Report;
import io.guildhall.devstack.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scale-out on a three-node KRaft Kafka cluster (issue 15, item 3). {@code infra/benchmarks/run scaleout}, about six
 * minutes; {@code phase=kafka} or {@code phase=services} runs one phase.
 *
 * <p>Phase "kafka": the cluster Guildhall's production topics are sized for (three nodes, replication 3,
 * {@code min.insync.replicas} 2) takes a keyed stream the way the services' outboxes write it (idempotent producer,
 * {@code acks=all}), read by a consumer group of two members, while one node is SIGKILLed and one member (a JVM of
 * its own) is SIGKILLed. It must end with nothing lost (every record of every key read), the order of each key kept
 * (duplicates only from the dead member's last uncommitted batch), the partitions back at three in-sync copies, and
 * the surviving member owning every partition. Options: {@code records=} (30,000), {@code keys=} (200),
 * {@code partitions=} (6), {@code rate=} records per second (3,000), {@code kill-node-at=} (0.3 of the records sent),
 * {@code kill-member-at=} (0.6).
 *
 * <p>Phase "services" ({@link ServicesPhase}): two instances each of event-service and analytics-service on a fresh
 * cluster; {@code people=} (1,000) answer GOING for {@code seats=} (100) seats at once, alternating between the two
 * event-service instances, and once {@code kill-at=} (0.25) of the answers are decided one node, one event-service and
 * one analytics-service are SIGKILLed; whoever got no answer asks again. Seats exact, every outbox row on Kafka once and
 * in order per key, analytics' read model equal to event-service's, the surviving analytics instance holding every
 * partition.
 */
public final class ScaleOutBenchmark implements Benchmark {

    private static final String TOPIC = "guildhall.drill.scaleout.v1";
    private static final String GROUP = "scaleout-drill";

    @Override
    public String name() {
        return "scaleout";
    }

    @Override
    public Report run(BenchContext context, String command) throws Exception {
        Options options = context.options();
        String phase = options.text("phase", "all");
        MachineLoad load = MachineLoad.begin();
        Report report = new Report("scaleout", "Scale-out: a three-node KRaft cluster loses a node, a group member and service instances", command);
        List<String> verdicts = new ArrayList<>();
        boolean passed = true;
        if (!phase.equals("services")) {
            boolean kafkaPassed = kafkaPhase(context, report);
            verdicts.add("Kafka phase " + (kafkaPassed ? "PASSED" : "FAILED"));
            passed &= kafkaPassed;
        }
        if (!phase.equals("kafka")) {
            int people = options.integer("people", 1000);
            int seats = options.integer("seats", 100);
            double killAt = Double.parseDouble(options.text("kill-at", "0.25"));
            Path dir = context.resultsDir().resolve("scaleout-services-" + context.runId());
            try (KafkaCluster cluster = KafkaCluster.start(dir, 3, 3, 2)) {
                ServicesPhase.Result result = ServicesPhase.run(context, cluster, people, seats, killAt);
                report.heading("Services phase: two instances each of event-service and analytics-service under the RSVP burst")
                        .table(List.of("figure", "value"), result.rows());
                verdicts.add("services phase " + (result.passed() ? "PASSED" : "FAILED"));
                passed &= result.passed();
            }
        }
        report.fact("Verdict", (passed ? "PASSED" : "FAILED") + " (" + String.join(", ", verdicts) + ")")
                .fact("Machine", load.describeUntilNow());
        if (!passed) {
            throw new IllegalStateException("The scale-out drill failed:\n" + report.markdown());
        }
        return report;
    }

    private boolean kafkaPhase(BenchContext context, Report report) throws Exception {
        Options options = context.options();
        int records = options.integer("records", 30_000);
        int keys = options.integer("keys", 200);
        int partitions = options.integer("partitions", 6);
        int rate = options.integer("rate", 3_000);
        double killNodeAt = Double.parseDouble(options.text("kill-node-at", "0.3"));
        double killMemberAt = Double.parseDouble(options.text("kill-member-at", "0.6"));
        Path dir = context.resultsDir().resolve("scaleout-kafka-" + context.runId());

        long clusterStart = System.nanoTime();
        try (KafkaCluster cluster = KafkaCluster.start(dir, 3, 3, 2)) {
            double clusterSeconds = (System.nanoTime() - clusterStart) / 1e9;
            String bootstrap = cluster.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 3)
                        .configs(Map.of("min.insync.replicas", "2")))).all().get();
            }

            // Member a reads in this JVM; member b in a JVM of its own, so that killing it is a crash.
            Member a = new Member("a", bootstrap);
            a.start();
            Path bFile = dir.resolve("member-b.txt");
            Process b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), CrashingMember.class.getName(), bootstrap, GROUP, TOPIC,
                    bFile.toString(), Integer.toString(Member.SESSION_TIMEOUT_MS))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("member-b.log").toFile()).start();
            try {
                awaitAssigned(a, bFile, partitions);

                // The stream: key k gets sequence 0, 1, 2, ... in order; paced, so that the kills land mid-stream.
                AtomicLong failedSends = new AtomicLong();
                AtomicLong acked = new AtomicLong();
                Properties producerProps = new Properties();
                producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
                producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
                producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                int[] nextSequence = new int[keys];
                long nodeKilledAt = 0;
                long memberKilledAt = 0;
                long sendStart = System.nanoTime();
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
                    for (int i = 0; i < records; i++) {
                        int key = i % keys;
                        int sequence = nextSequence[key]++;
                        producer.send(new ProducerRecord<>(TOPIC, "key-" + key, Integer.toString(sequence)), (meta, error) -> {
                            if (error != null) {
                                failedSends.incrementAndGet();
                            } else {
                                acked.incrementAndGet();
                            }
                        });
                        if (nodeKilledAt == 0 && i >= records * killNodeAt) {
                            cluster.kill(1);
                            nodeKilledAt = System.nanoTime();
                        }
                        if (memberKilledAt == 0 && i >= records * killMemberAt) {
                            b.destroyForcibly().waitFor();
                            memberKilledAt = System.nanoTime();
                        }
                        long due = sendStart + (long) ((i + 1) * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                    producer.flush();
                }
                double sendSeconds = (System.nanoTime() - sendStart) / 1e9;

                // While a node is down every partition has two copies in sync: writes go on (min.insync.replicas 2).
                Map<Integer, Integer> isrWhileDown = inSync(bootstrap);
                long takeover = a.awaitOwning(partitions, Duration.ofSeconds(120)) - memberKilledAt;
                Map<String, List<Integer>> bRead = CrashingMember.read(bFile);
                boolean drained = a.awaitRead(records, bRead, Duration.ofSeconds(120));
                cluster.restart(1);
                Map<Integer, Integer> isrAfter = awaitFullInSync(bootstrap, partitions, Duration.ofSeconds(120));
                int ownedAtEnd = a.owned().size(); // before stop(): leaving the group revokes them
                a.stop();

                Verdict verdict = Verdict.of(keys, nextSequence, a.read, bRead);
                boolean passed = failedSends.get() == 0 && acked.get() == records && drained && verdict.lost == 0
                        && verdict.outOfOrder == 0 && ownedAtEnd == partitions
                        && isrWhileDown.values().stream().allMatch(n -> n >= 2)
                        && isrAfter.values().stream().allMatch(n -> n == 3);

                report.heading("Kafka phase: a keyed stream through the cluster while a node and a group member die")
                        .fact("Kafka phase", passed ? "PASSED" : "FAILED")
                        .fact("Cluster", "3 KRaft nodes (broker and controller each) on loopback, replication 3, min.insync.replicas 2; started in "
                                + Report.fixed(clusterSeconds, 1) + " s")
                        .fact("Stream", records + " records over " + keys + " keys on " + partitions + " partitions, paced at "
                                + rate + "/s; idempotent producer, acks=all");
                report.table(List.of("figure", "value"), List.of(
                        List.of("records acknowledged / sent", acked.get() + " / " + records),
                        List.of("sends failed", Long.toString(failedSends.get())),
                        List.of("send rate achieved", Report.fixed(records / sendSeconds, 0) + " records/s (asked " + rate + "/s)"),
                        List.of("node 2 SIGKILLed after", Math.round(records * killNodeAt) + " records"),
                        List.of("in-sync copies per partition while node 2 was down", isrWhileDown.toString()),
                        List.of("in-sync copies per partition after its restart", isrAfter.toString()),
                        List.of("member b died (no leave) after", Math.round(records * killMemberAt) + " records"),
                        List.of("member a owned every partition after", Report.fixed(takeover / 1e9, 1) + " s (session timeout "
                                + Member.SESSION_TIMEOUT_MS / 1000 + " s); partitions it owned at the end: " + ownedAtEnd + " of " + partitions),
                        List.of("every record read (by a, or by b before it died)", drained ? "yes" : "NO"),
                        List.of("records lost (a key's sequence with a gap)", Long.toString(verdict.lost)),
                        List.of("records read out of order within a key", Long.toString(verdict.outOfOrder)),
                        List.of("records read twice (b's uncommitted last batch, read again by a)", Long.toString(verdict.duplicates))));
                report.paragraph("The services' outboxes write the way this producer does (idempotent, acks=all), and their consumers "
                        + "commit after applying, with an idempotent consumer table behind them: a record read twice is applied once. "
                        + "A lost record or a key read out of order fails the drill.");
                return passed;
            } finally {
                b.destroyForcibly();
            }
        }
    }

    private static void awaitAssigned(Member a, Path bFile, int partitions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (a.owned().isEmpty() || a.owned().size() == partitions || !CrashingMember.owns(bFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The group did not share the partitions: a owns " + a.owned());
            }
            Thread.sleep(100);
        }
    }

    private static Map<Integer, Integer> inSync(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            Map<Integer, Integer> isr = new java.util.TreeMap<>();
            topic.partitions().forEach(p -> isr.put(p.partition(), p.isr().size()));
            return isr;
        }
    }

    private static Map<Integer, Integer> awaitFullInSync(String bootstrap, int partitions, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Integer> isr = inSync(bootstrap);
        while (isr.values().stream().anyMatch(n -> n < 3) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            isr = inSync(bootstrap);
        }
        return isr;
    }

    /** One group member: polls on a thread of its own, records what it read per key, commits after each batch. */
    static final class Member {

        static final int SESSION_TIMEOUT_MS = 10_000;

        final String name;
        final KafkaConsumer<String, String> consumer;
        final Map<String, List<Integer>> read = new ConcurrentHashMap<>();
        final AtomicLong count = new AtomicLong();
        final AtomicReference<Set<Integer>> owned = new AtomicReference<>(Set.of());
        final AtomicBoolean running = new AtomicBoolean(true);
        Thread thread;

        Member(String name, String bootstrap) {
            this.name = name;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP + "-" + name);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            this.consumer = new KafkaConsumer<>(props);
        }

        void start() {
            thread = new Thread(this::loop, "scaleout-member-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            consumer.subscribe(List.of(TOPIC), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    owned.set(Set.of());
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    owned.set(Set.copyOf(consumer.assignment().stream().map(TopicPartition::partition).toList()));
                }
            });
            try {
                while (running.get()) {
                    var batch = consumer.poll(Duration.ofMillis(200));
                    for (ConsumerRecord<String, String> record : batch) {
                        read.computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(record.value()));
                        count.incrementAndGet();
                    }
                    if (!batch.isEmpty()) {
                        consumer.commitSync();
                    }
                }
                consumer.close();
            } catch (org.apache.kafka.common.errors.WakeupException | IllegalStateException e) {
                // stopped
            }
        }

        Set<Integer> owned() {
            return owned.get();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        long awaitOwning(int partitions, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (owned().size() < partitions) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("member " + name + " never owned every partition: " + owned());
                }
                Thread.sleep(50);
            }
            return System.nanoTime();
        }

        /** Until this member and what the dead one read have every record at least once. */
        boolean awaitRead(int records, Map<String, List<Integer>> other, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (distinctRead(other) >= records) {
                    return true;
                }
                Thread.sleep(200);
            }
            return false;
        }

        private long distinctRead(Map<String, List<Integer>> other) {
            Map<String, Set<Integer>> seen = new HashMap<>();
            for (Map<String, List<Integer>> m : List.of(read, other)) {
                m.forEach((key, values) -> seen.computeIfAbsent(key, k -> new java.util.HashSet<>()).addAll(values));
            }
            return seen.values().stream().mapToLong(Set::size).sum();
        }
    }

    /** Lost: a sequence number of a key nobody read. Out of order: within one member's reading of a key, a step back
     *  that is not the re-reading of the dead member's uncommitted batch. Duplicates: records read twice. */
    record Verdict(long lost, long outOfOrder, long duplicates) {

        static Verdict of(int keys, int[] sent, Map<String, List<Integer>> a, Map<String, List<Integer>> b) {
            long lost = 0;
            long outOfOrder = 0;
            long duplicates = 0;
            for (int k = 0; k < keys; k++) {
                String key = "key-" + k;
                List<Integer> all = new ArrayList<>();
                for (Map<String, List<Integer>> m : List.of(b, a)) {
                    List<Integer> values = m.getOrDefault(key, List.of());
                    // Each member reads a key's records in increasing order (it may start again below where the
                    // other one stopped: the redelivered uncommitted batch).
                    for (int i = 1; i < values.size(); i++) {
                        if (values.get(i) <= values.get(i - 1)) {
                            outOfOrder++;
                        }
                    }
                    all.addAll(values);
                }
                Set<Integer> distinct = new java.util.HashSet<>(all);
                duplicates += all.size() - distinct.size();
                for (int s = 0; s < sent[k]; s++) {
                    if (!distinct.contains(s)) {
                        lost++;
                    }
                }
            }
            return new Verdict(lost, outOfOrder, duplicates);
        }
    }
}
