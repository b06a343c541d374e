package io.guildhall.benchmarks;

import io.guildhall.benchmarks.process.ServiceJvm;
import io.guildhall.devstack.KafkaBroker;
import io.guildhall.devstack.Ports;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;

/**
 * What the benchmarks of one run share: the real PostgreSQL and Keycloak of {@link GuildhallStack#shared()}, a
 * private Kafka broker, and every service JVM they start (stopped in reverse order by {@link #close()}).
 *
 * <p>The broker is private on purpose: the benchmarks publish tens of thousands of events, and on the shared
 * broker's topics every later test run with a fresh consumer group (which starts from the earliest offset) would
 * have to read them all first.
 */
public final class BenchContext implements AutoCloseable {

    private final GuildhallStack stack;
    private final Options options;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    private final Map<String, String> jars = new LinkedHashMap<>();
    private KafkaBroker kafka;

    public BenchContext(GuildhallStack stack, Options options) {
        this.stack = stack;
        this.options = options;
    }

    public GuildhallStack stack() {
        return stack;
    }

    public Options options() {
        return options;
    }

    public String runId() {
        return runId;
    }

    public Path resultsDir() {
        return stack.home().root().resolve("infra/benchmarks/target");
    }

    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            long begin = System.nanoTime();
            kafka = stack.startPrivateKafka();
            cleanup.push(kafka);
            System.out.printf("[bench] private Kafka broker on %s after %.1f s%n", kafka.bootstrapServers(),
                    (System.nanoTime() - begin) / 1e9);
        }
        return kafka.bootstrapServers();
    }

    /** Stops the private broker (a controlled shutdown): its clients see it away until {@link #startKafka()}. */
    public synchronized void stopKafka() {
        kafkaBootstrapServers();
        kafka.stop();
    }

    /** Starts the private broker again on the same ports and data, and waits until it serves metadata. */
    public synchronized void startKafka() {
        kafkaBootstrapServers();
        kafka.start();
    }

    /**
     * Starts {@code service}'s jar on a free port against the shared PostgreSQL and Keycloak and the private
     * broker, with {@code database} (made fresh here) as its own, and waits until it is healthy.
     */
    public ServiceJvm start(ServiceSpec service, String database, Map<String, String> extraEnvironment,
                            List<ServiceSpec> routes) {
        return launch(service.onPort(Ports.free()), database == null ? null : stack.freshDatabase(database),
                extraEnvironment, routes);
    }

    /** As {@link #start}, on the given port (the gateway's portal, whose sign-in redirect Keycloak checks). */
    public ServiceJvm startOn(int port, ServiceSpec service, String database, Map<String, String> extraEnvironment,
                              List<ServiceSpec> routes) {
        return launch(service.onPort(port), database == null ? null : stack.freshDatabase(database),
                extraEnvironment, routes);
    }

    /** A second instance of {@code running}'s service on its database, as a scaled-out deployment runs it. */
    public ServiceJvm another(ServiceJvm running) {
        return launch(running.spec().onPort(Ports.free()), running.spec().database().orElse(null), Map.of(), List.of());
    }

    /** Starts {@code stopped}'s service again on its own database as it is (a restart after a crash, say). */
    public ServiceJvm restart(ServiceJvm stopped, Map<String, String> extraEnvironment, List<ServiceSpec> routes) {
        return launch(stopped.spec().onPort(Ports.free()), stopped.spec().database().orElse(null), extraEnvironment,
                routes);
    }

    private ServiceJvm launch(ServiceSpec service, String database, Map<String, String> extraEnvironment,
                              List<ServiceSpec> routes) {
        ServiceSpec spec = service;
        if (database != null) {
            spec = spec.withDatabase(database);
        }
        Map<String, String> env = new LinkedHashMap<>(stack.endpoints().environment(spec, routes));
        env.put("GUILDHALL_KAFKA_BROKERS", kafkaBootstrapServers());
        env.putAll(extraEnvironment);
        ServiceJvm jvm = ServiceJvm.launch(spec, snapshot(spec.module()),
                stack.home().log("bench-" + spec.module()), env, jvmOptions(spec.module()));
        cleanup.push(jvm);
        return jvm.awaitHealthy();
    }

    /**
     * A copy of the service's jar for this run: other builds on the machine rewrite the jars in place, which would
     * pull the classes from under a running JVM.
     */
    private Path snapshot(String module) {
        String otherBuild = options.text("jars", "");
        Path jar = otherBuild.isBlank() ? stack.home().serviceJar(module)
                : stack.home().root().resolve(otherBuild).resolve(module + ".jar");
        Path copy = resultsDir().resolve("jars").resolve(module + ".jar");
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(copy.getParent());
                if (!Files.isRegularFile(jar)) {
                    throw new java.nio.file.NoSuchFileException(jar + " (build it: ./mvnw -B -DskipTests install -pl "
                            + module + " -am)");
                }
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                // A jar caught half-written has no central directory yet: wait for the build to finish it.
                new ZipFile(copy.toFile()).close();
                jars.put(module, module + ".jar built " + Files.getLastModifiedTime(copy).toInstant()
                        .truncatedTo(ChronoUnit.SECONDS));
                return copy;
            } catch (IOException e) {
                if (attempt == 6) {
                    throw new UncheckedIOException("Cannot take a whole copy of " + jar, e);
                }
                System.out.println("[bench] no whole " + jar + " (" + e.getMessage() + "); trying again in 10 s");
                sleep(10_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Which jars the benchmarks ran, with their build times, for the report. */
    public String jarsUsed() {
        return String.join(", ", jars.values());
    }

    /**
     * The services' heap as the dev stack gives them, or the {@code jvm=} option (space-separated); with
     * {@code profile=<module>} that service also records a JFR profile to {@code target/<module>.jfr}.
     */
    private List<String> jvmOptions(String module) {
        List<String> jvm = new java.util.ArrayList<>(Arrays.stream(options.text("jvm", "-Xmx256m").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList());
        if (Arrays.asList(options.text("profile", "").split(",")).contains(module)) {
            Path recording = resultsDir().resolve(module + ".jfr");
            jvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
            System.out.println("[bench] " + module + " records a JFR profile to " + recording);
        }
        return jvm;
    }

    /** Stops what {@link #start} started after a benchmark, so the next one has the machine to itself. */
    public synchronized void stopServices() {
        Deque<AutoCloseable> keep = new ArrayDeque<>();
        while (!cleanup.isEmpty()) {
            AutoCloseable next = cleanup.pop();
            if (next instanceof ServiceJvm jvm) {
                jvm.close();
            } else {
                keep.addLast(next);
            }
        }
        cleanup.addAll(keep);
        jars.clear();
    }

    @Override
    public synchronized void close() {
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().close();
            } catch (Exception e) {
                System.err.println("[bench] could not stop: " + e);
            }
        }
        kafka = null;
    }
}
