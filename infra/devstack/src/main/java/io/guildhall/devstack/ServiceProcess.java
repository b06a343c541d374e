package io.guildhall.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A packaged service ({@code <module>/target/<module>.jar}) run as its own JVM against a stack.
 * Used by the launcher and, as a library, by the end-to-end tests.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ServiceSpec spec;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final AtomicReference<Process> process = new AtomicReference<>();

    /**
     * The JVM of {@code ./guildhall up}: the heap a service gets in production and the full JIT. C1 alone
     * ({@code -XX:TieredStopAtLevel=1}) starts a little faster but leaves, among others, RSA's big-integer
     * arithmetic without C2's intrinsics: checking a token's signature then took 38 % of event-service's CPU
     * under load instead of 4 %, and an authenticated request cost about twice the CPU (docs/benchmarks.md).
     */
    public static final List<String> PRODUCTION_JVM = List.of("-Xmx256m");
    /** Tests' services: short-lived, so C1 only, which compiles less while they start. */
    public static final List<String> TEST_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    public ServiceProcess(ServiceSpec spec, Path jar, Path log, Map<String, String> environment) {
        this(spec, jar, log, environment, TEST_JVM);
    }

    public ServiceProcess(ServiceSpec spec, Path jar, Path log, Map<String, String> environment,
                          List<String> jvmOptions) {
        this.spec = spec;
        this.jar = jar;
        this.log = log;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The service's jar from this checkout, logging to {@code .guildhall/logs/<module>.log}, with the
     * stack's environment, in the {@link #PRODUCTION_JVM}; the gateway's routes point at {@code routes}.
     */
    public static ServiceProcess of(GuildhallHome home, ServiceSpec spec, StackEndpoints stack,
                                    List<ServiceSpec> routes) {
        return of(home, spec, stack, routes, PRODUCTION_JVM);
    }

    public static ServiceProcess of(GuildhallHome home, ServiceSpec spec, StackEndpoints stack,
                                    List<ServiceSpec> routes, List<String> jvmOptions) {
        return new ServiceProcess(spec, home.serviceJar(spec.module()), home.log(spec.module()),
                stack.environment(spec, routes), jvmOptions);
    }

    /** Starts the JVM without waiting; see {@link #awaitHealthy()}. */
    public ServiceProcess launch() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(spec.module() + ": " + jar + " does not exist; build it with "
                    + "./mvnw -B -DskipTests install");
        }
        Ports.requireFree(spec.port(), spec.module());
        try {
            List<String> command = new java.util.ArrayList<>();
            command.add(Processes.java());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            process.set(Processes.start(command, jar.getParent(), environment, log));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the health endpoint answers 200 with "UP" in its body. */
    public ServiceProcess awaitHealthy() {
        Process p = process.get();
        if (p == null) {
            throw new IllegalStateException(spec.module() + " was not launched (or already stopped)");
        }
        try {
            Readiness.await(spec.module() + " on port " + spec.port(), READY_TIMEOUT, p.toHandle(), log,
                    () -> isHealthy(spec));
            return this;
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    public ServiceProcess start() {
        return launch().awaitHealthy();
    }

    public static boolean isHealthy(ServiceSpec spec) {
        Http.Response response = Http.get(spec.healthUrl());
        return response.status() == 200 && response.body().contains("UP");
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        Process p = process.get();
        return p == null ? -1 : p.pid();
    }

    public boolean isRunning() {
        Process p = process.get();
        return p != null && p.isAlive();
    }

    public void stop() {
        Process p = process.getAndSet(null);
        if (p != null) {
            Processes.stopTree(p.toHandle(), STOP_GRACE);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
