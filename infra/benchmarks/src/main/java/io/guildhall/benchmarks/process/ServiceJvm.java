package io.guildhall.benchmarks.process;

import io.guildhall.devstack.Processes;
import io.guildhall.devstack.ServiceProcess;
import io.guildhall.devstack.ServiceSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's packaged jar run as its own JVM for a benchmark. Unlike the dev stack's launcher it leaves the JIT
 * alone (the launcher stops at C1 to start fast; a benchmark wants the code a production JVM would run), so the
 * figures describe the services, not the dev stack's start-up tuning.
 */
public final class ServiceJvm implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ServiceSpec spec;
    private final Path log;
    private final Process process;

    private ServiceJvm(ServiceSpec spec, Path log, Process process) {
        this.spec = spec;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with {@code environment} and {@code jvmOptions}; see {@link #awaitHealthy()}. */
    public static ServiceJvm launch(ServiceSpec spec, Path jar, Path log, Map<String, String> environment,
                                    List<String> jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build it first: ./mvnw -B -DskipTests install -pl "
                    + spec.module() + " -am");
        }
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        try {
            return new ServiceJvm(spec, log, Processes.start(command, jar.getParent(), environment, log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServiceJvm awaitHealthy() {
        long begin = System.nanoTime();
        long deadline = begin + READY_TIMEOUT.toNanos();
        while (!ServiceProcess.isHealthy(spec)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.module() + " exited before it was healthy; last lines of " + log
                        + ":\n" + Processes.tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(spec.module() + " not healthy after " + READY_TIMEOUT.toSeconds()
                        + " s; last lines of " + log + ":\n" + Processes.tail(log, 40));
            }
            sleep(250);
        }
        System.out.printf("[bench] %s healthy on %s after %.1f s (log %s)%n", spec.module(), spec.baseUrl(),
                (System.nanoTime() - begin) / 1e9, log);
        return this;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String baseUrl() {
        return spec.baseUrl();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as a crashed machine or an OOM killer would end it. */
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            Processes.stopTree(process.toHandle(), STOP_GRACE);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
