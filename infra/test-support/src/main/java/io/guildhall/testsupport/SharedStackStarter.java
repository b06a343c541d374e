package io.guildhall.testsupport;

import io.guildhall.devstack.GuildhallHome;
import io.guildhall.devstack.Launcher;
import io.guildhall.devstack.StackEndpoints;
import io.guildhall.devstack.StackState;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds the running stack, or starts one as a detached launcher that lives as long as the Maven
 * JVM does, so that every test JVM of one build shares it.
 */
final class SharedStackStarter {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> SHELLS = List.of("sh", "bash", "dash", "zsh");

    private SharedStackStarter() {
    }

    static StackEndpoints runningOrStarted(GuildhallHome home) {
        Optional<StackEndpoints> running = StackState.read(home).endpoints();
        if (running.isPresent()) {
            return running.get();
        }
        try {
            Files.createDirectories(home.logs());
            // Only one JVM may decide to start a stack; the others wait here and then reuse it.
            try (FileChannel channel = FileChannel.open(home.startLock(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                running = StackState.read(home).endpoints();
                return running.isPresent() ? running.get() : start(home);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Guildhall test stack", e);
        }
    }

    private static StackEndpoints start(GuildhallHome home) throws IOException {
        long owner = ownerPid();
        Path log = home.log("test-stack");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dguildhall.root=" + home.root(),
                "-cp", JvmClasspath.current(), Launcher.class.getName(), "infra", "--owner-pid", String.valueOf(owner));
        System.out.println("[guildhall] starting PostgreSQL, Kafka and Keycloak for the tests (owner pid " + owner
                + ", log " + log + ")");
        Process launcher = new ProcessBuilder(command)
                .directory(home.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        long begin = System.nanoTime();
        long deadline = begin + START_TIMEOUT.toNanos();
        while (true) {
            Optional<StackEndpoints> running = StackState.read(home).endpoints();
            if (running.isPresent()) {
                System.out.printf("[guildhall] test stack ready after %.1f s%n", (System.nanoTime() - begin) / 1e9);
                return running.get();
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The stack launcher exited with " + launcher.exitValue()
                        + "; see " + log + ":\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                launcher.destroy();
                throw new IllegalStateException("The test stack was not ready after " + START_TIMEOUT.toMinutes()
                        + " min; see " + log + ":\n" + tail(log));
            }
            sleep();
        }
    }

    /**
     * The process whose exit ends the shared stack: the Maven JVM that forked this test JVM. Shells
     * in between (a fork started through sh -c) are skipped; when the tests run inside Maven's own
     * JVM (no fork), it is this JVM. A JVM that no other JVM started (a benchmark run from a script)
     * owns the stack itself: the shell or terminal above it may live for hours.
     */
    static long ownerPid() {
        ProcessHandle self = ProcessHandle.current();
        if (isMaven(self)) {
            return self.pid();
        }
        ProcessHandle candidate = self.parent().orElse(self);
        while (isShell(candidate) && candidate.parent().isPresent()) {
            candidate = candidate.parent().get();
        }
        return isJava(candidate) ? candidate.pid() : self.pid();
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .orElse(false);
    }

    private static boolean isMaven(ProcessHandle process) {
        return process.info().arguments()
                .map(args -> List.of(args).contains("org.codehaus.plexus.classworlds.launcher.Launcher"))
                .orElse(false);
    }

    private static boolean isShell(ProcessHandle process) {
        return process.info().command().map(c -> SHELLS.contains(Path.of(c).getFileName().toString()))
                .orElse(false);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the test stack", e);
        }
    }
}
