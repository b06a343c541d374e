package io.guildhall.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the machine's CPU went between two moments, by process: user + system time from /proc/&lt;pid&gt;/stat,
 * summed per label ("event-service.jar", "postgres", "this benchmark", …). On two cores shared by the load generator,
 * the services, PostgreSQL, Kafka and Keycloak, this says which of them a burst is waiting for. Processes that start
 * and exit in between are not seen; where /proc is missing the answer is empty.
 */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private static final long SELF = ProcessHandle.current().pid();

    private final Map<Long, Sample> before;
    private final long startNanos;

    private record Sample(String label, long ticks, Map<String, Long> threads) {
    }

    private ProcessCpu(Map<Long, Sample> before) {
        this.before = before;
        this.startNanos = System.nanoTime();
    }

    public static ProcessCpu begin() {
        return new ProcessCpu(samples());
    }

    /** CPU seconds per label since {@link #begin()}, largest first, and the wall-clock seconds in between. */
    public String describeUntilNow() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> seconds = new TreeMap<>();
        Map<String, Map<String, Double>> threadSeconds = new TreeMap<>();
        samples().forEach((pid, now) -> {
            Sample then = before.get(pid);
            long used = now.ticks() - (then == null ? 0 : then.ticks());
            if (used > 0) {
                seconds.merge(now.label(), used / TICKS_PER_SECOND, Double::sum);
            }
            now.threads().forEach((thread, ticks) -> {
                long threadUsed = ticks - (then == null ? 0 : then.threads().getOrDefault(thread, 0L));
                if (threadUsed > 0) {
                    threadSeconds.computeIfAbsent(now.label(), l -> new TreeMap<>())
                            .merge(thread, threadUsed / TICKS_PER_SECOND, Double::sum);
                }
            });
        });
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(seconds.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        double total = sorted.stream().mapToDouble(Map.Entry::getValue).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%.1f CPU s in %.1f s of wall clock (%.0f %% of %d cores):", total, wall,
                wall > 0 ? 100 * total / wall / Runtime.getRuntime().availableProcessors() : 0,
                Runtime.getRuntime().availableProcessors()));
        for (Map.Entry<String, Double> entry : sorted) {
            if (entry.getValue() >= 0.05) {
                text.append(String.format(Locale.ROOT, " %s %.1f s (%.0f %%%s);", entry.getKey(), entry.getValue(),
                        total > 0 ? 100 * entry.getValue() / total : 0,
                        threads(threadSeconds.getOrDefault(entry.getKey(), Map.of()))));
            }
        }
        return text.toString();
    }

    /** The busiest thread groups of one process, e.g. ": reactor-http-epoll-# 1.2 s, C2 CompilerThread# 0.4 s". */
    private static String threads(Map<String, Double> seconds) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(seconds.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Double> entry : sorted.subList(0, Math.min(6, sorted.size()))) {
            if (entry.getValue() >= 0.05) {
                text.append(text.isEmpty() ? ": " : ", ")
                        .append(String.format(Locale.ROOT, "%s %.2f s", entry.getKey(), entry.getValue()));
            }
        }
        return text.toString();
    }

    /** User + system ticks of one /proc stat line. */
    private static long ticks(String stat) {
        // The command name in parentheses may hold spaces: the fields after it are counted from ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Per thread name (digits as '#', so that pools add up) for JVMs; empty for other processes. */
    private static Map<String, Long> threadTicks(Path process) {
        Map<String, Long> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    threads.merge(name, ticks(stat), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended in between
                }
            }
        } catch (IOException | RuntimeException gone) {
            return Map.of();
        }
        return threads;
    }

    private static Map<Long, Sample> samples() {
        Map<Long, Sample> samples = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    long pid = Long.parseLong(process.getFileName().toString());
                    String label = label(pid, process);
                    long ticks = ticks(Files.readString(process.resolve("stat")));
                    samples.put(pid, new Sample(label, ticks, label.endsWith(".jar") ? threadTicks(process) : Map.of()));
                } catch (IOException | RuntimeException gone) {
                    // exited in between, or not ours to read
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return samples;
    }

    private static String label(long pid, Path process) throws IOException {
        if (pid == SELF) {
            return "this benchmark (the load generator)";
        }
        String[] argv = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
        if (argv.length == 0 || argv[0].isEmpty()) {
            return "kernel and others";
        }
        String program = Path.of(argv[0]).getFileName().toString();
        if (program.equals("java")) {
            for (int i = 0; i < argv.length; i++) {
                if (argv[i].equals("-jar") && i + 1 < argv.length) {
                    return Path.of(argv[i + 1]).getFileName().toString();
                }
                if (argv[i].contains("keycloak") || argv[i].contains("quarkus")) {
                    return "keycloak";
                }
                if (argv[i].contains("kafka")) {
                    return "kafka";
                }
            }
            return "java " + argv[argv.length - 1];
        }
        if (program.startsWith("postgres") || argv[0].startsWith("postgres")) {
            return "postgres";
        }
        return program;
    }
}
