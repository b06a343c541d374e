package io.guildhall.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A KRaft Kafka node (broker and controller in one process) run from the kafka_2.13 jars as its own JVM: alone (the
 * dev stack, a test's private broker) or one of a {@link KafkaCluster}. Stopping and starting it again keeps its
 * ports and its data, which is how tests simulate a Kafka outage; {@link #kill()} is a crash.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final int DEFAULT_PORT = 19092;
    public static final int DEFAULT_CONTROLLER_PORT = 19093;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private final boolean privateBroker;
    /** Alone: node 1, its own controller quorum, one copy of everything. In a cluster: set by {@link KafkaCluster}. */
    private final Node node;
    // Not guarded by the monitor: a shutdown hook must be able to stop a broker that is still starting.
    private final AtomicReference<Process> process = new AtomicReference<>();
    private Thread exitHook;

    public KafkaBroker(Path dir, int port, int controllerPort, Path log) {
        this(dir, port, controllerPort, log, false);
    }

    private KafkaBroker(Path dir, int port, int controllerPort, Path log, boolean privateBroker) {
        this(dir, port, controllerPort, log, privateBroker, null);
    }

    KafkaBroker(Path dir, int port, int controllerPort, Path log, boolean privateBroker, Node node) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log.toAbsolutePath();
        this.privateBroker = privateBroker;
        this.node = node != null ? node
                : new Node(1, "1@" + Ports.HOST + ":" + controllerPort, null, 1, 1);
    }

    /**
     * Where a node stands in its cluster: its id, the controller quorum ({@code id@host:port,...}), the cluster id all
     * nodes are formatted with (null: a new one), and the copies the internal topics keep.
     */
    record Node(int id, String voters, String clusterId, int replicationFactor, int minInsyncReplicas) {
    }

    public static KafkaBroker of(GuildhallHome home) {
        return new KafkaBroker(home.kafka(), DEFAULT_PORT, DEFAULT_CONTROLLER_PORT, home.log("kafka"));
    }

    /**
     * A throwaway broker for one test: free ports, its own data dir (deleted by {@link #close()}),
     * and stopped when this JVM exits should the test forget to close it.
     */
    public static KafkaBroker privateBroker(Path dir) {
        return new KafkaBroker(dir, Ports.free(), Ports.free(), dir.resolve("kafka.log"), true);
    }

    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        launch();
        return awaitReady();
    }

    /** Waits until the node answers metadata requests (in a cluster: once a quorum of controllers is up). */
    public KafkaBroker awaitReady() {
        Process started = process.get();
        if (started == null) {
            throw new IllegalStateException("Kafka node " + node.id() + " was not launched");
        }
        try {
            Readiness.await("Kafka on port " + port, READY_TIMEOUT, started.toHandle(), log,
                    () -> KafkaProbe.servesMetadata(port));
            return this;
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Starts the node's JVM (formatting its storage the first time) without waiting for it. */
    public synchronized KafkaBroker launch() {
        if (isRunning()) {
            return this;
        }
        try {
            Ports.requireFree(port, "Kafka");
            Ports.requireFree(controllerPort, "Kafka controller");
            Files.createDirectories(dir);
            writeConfig();
            String classpath = Runtimes.load().kafkaClasspath();
            if (!Files.exists(dataDir().resolve("meta.properties"))) {
                format(classpath);
            }
            List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx512m", "-Djava.awt.headless=true",
                    "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties")));
            if (privateBroker) {
                // A test's broker moves a few records: start fast (C1 only) rather than run fast.
                command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            }
            command.addAll(List.of("-cp", classpath, "kafka.Kafka", dir.resolve("server.properties").toString()));
            Process started = Processes.start(command, dir, Map.of(), log);
            process.set(started);
            if (privateBroker && exitHook == null) {
                exitHook = new Thread(this::stop, "stop-private-kafka-" + port);
                Runtime.getRuntime().addShutdownHook(exitHook);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void format(String classpath) throws IOException, InterruptedException {
        Process format = Processes.start(List.of(Processes.java(), "-Xmx256m",
                        "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"), "-cp", classpath,
                        "kafka.tools.StorageTool", "format", "-t", node.clusterId() != null ? node.clusterId() : newClusterId(), "-c",
                        dir.resolve("server.properties").toString()),
                dir, Map.of(), log);
        if (format.waitFor() != 0) {
            throw new IllegalStateException("Formatting Kafka storage in " + dataDir() + " failed:\n"
                    + Processes.tail(log, 20));
        }
    }

    /** Kafka's Uuid text form: 16 random bytes, URL-safe Base64 without padding, not starting with '-'. */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private void writeConfig() throws IOException {
        String host = Ports.HOST;
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "# Written by the Guildhall dev stack on every start.",
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.voters=" + node.voters(),
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir(),
                // Topics are declared and provisioned by the services (TopicDeclaration); a topic that appears by
                // accident gets 3 partitions like the declared ones, so ordering mistakes show here too.
                "num.partitions=3",
                "offsets.topic.replication.factor=" + node.replicationFactor(),
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=" + node.replicationFactor(),
                "transaction.state.log.min.isr=" + node.minInsyncReplicas(),
                "share.coordinator.state.topic.replication.factor=" + node.replicationFactor(),
                "share.coordinator.state.topic.min.isr=" + node.minInsyncReplicas(),
                "default.replication.factor=" + node.replicationFactor(),
                "min.insync.replicas=" + node.minInsyncReplicas(),
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=168",
                "") );
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "logger.authorizer.name = kafka.authorizer.logger",
                "logger.authorizer.level = WARN",
                ""));
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    public boolean isRunning() {
        Process p = process.get();
        return p != null && p.isAlive();
    }

    public String bootstrapServers() {
        return Ports.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dir() {
        return dir;
    }

    public OptionalLong pid() {
        Process p = process.get();
        return p == null ? OptionalLong.empty() : OptionalLong.of(p.pid());
    }

    /** A crash: SIGKILL, no controlled shutdown; {@link #start()} brings it back on the same ports and data. */
    public void kill() {
        Process p = process.getAndSet(null);
        if (p != null) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.onExit().get(STOP_GRACE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka node " + node.id() + " did not die", e);
            }
        }
    }

    /** Stops the broker (a controlled shutdown); {@link #start()} brings it back on the same ports and data. */
    public void stop() {
        Process p = process.getAndSet(null);
        if (p != null) {
            Processes.stopTree(p.toHandle(), STOP_GRACE);
        }
    }

    @Override
    public void close() {
        stop();
        if (exitHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: nothing to unregister.
            }
            exitHook = null;
        }
        if (privateBroker) {
            deleteRecursively(dir);
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
