package io.guildhall.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Starting the stack's server processes and stopping whole process trees. */
public final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Set<Process> SPAWNED = new HashSet<>();
    private static boolean closed;

    private Processes() {
    }

    /** The java executable of this JVM, so that JAVA_HOME (as ./guildhall chose it) applies to every server. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts {@code command} with output appended to {@code log}. The process gets its own session
     * (setsid) so that a Ctrl-C in the terminal reaches only the launcher, which then stops the
     * servers in reverse order instead of all of them dying at once.
     */
    public static Process start(List<String> command, Path workDir, Map<String, String> env, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        String shown = command.stream().map(a -> a.length() > 160 ? a.substring(0, 150) + "..." : a)
                .collect(Collectors.joining(" "));
        Files.writeString(log, System.lineSeparator() + "==== " + Instant.now() + " starting " + shown
                + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        synchronized (SPAWNED) {
            if (closed) {
                throw new IllegalStateException("Shutting down: not starting " + command.get(command.size() - 1));
            }
            Process process = builder.start();
            SPAWNED.add(process);
            return process;
        }
    }

    /**
     * The launcher's last resort on exit: refuses further starts and stops every process this JVM
     * started that is still alive, e.g. one spawned by a start thread while the stop list ran.
     */
    static void stopAllStartedByThisJvm(Duration grace) {
        List<Process> alive;
        synchronized (SPAWNED) {
            closed = true;
            alive = SPAWNED.stream().filter(Process::isAlive).toList();
        }
        alive.forEach(p -> stopTree(p.toHandle(), grace));
    }

    /** Politely (SIGTERM) stops the process and all its descendants, then kills what is left after {@code grace}. */
    public static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                // Whatever is still alive after the grace period is killed below.
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(p -> p.onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).join());
    }

    public static boolean isAlive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The last lines of a log, to show why a server did not come up. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + log + ")";
        }
    }
}
