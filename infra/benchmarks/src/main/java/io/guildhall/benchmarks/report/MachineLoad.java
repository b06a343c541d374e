package io.guildhall.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was while a benchmark ran: the load average at both ends and the share of all cores' time
 * that was not idle in between (from /proc/stat; the benchmark's own processes included). Other people's builds
 * on the same machine show up here, which is why every figure is reported against a baseline of the same run.
 */
public final class MachineLoad {

    private final String loadAverageBefore;
    private final long[] cpuBefore;

    private MachineLoad(String loadAverageBefore, long[] cpuBefore) {
        this.loadAverageBefore = loadAverageBefore;
        this.cpuBefore = cpuBefore;
    }

    public static MachineLoad begin() {
        return new MachineLoad(loadAverage(), cpuJiffies());
    }

    /** One line for the report, e.g. "2 cores; load average 1.52 -> 3.10; CPU busy 87 % of all cores". */
    public String describeUntilNow() {
        long[] now = cpuJiffies();
        String busy = "n/a";
        if (cpuBefore != null && now != null) {
            long total = now[0] - cpuBefore[0];
            long idle = now[1] - cpuBefore[1];
            if (total > 0) {
                busy = String.format(Locale.ROOT, "%.0f %%", 100.0 * (total - idle) / total);
            }
        }
        return Runtime.getRuntime().availableProcessors() + " cores; load average (1/5/15 min) " + loadAverageBefore
                + " at start, " + loadAverage() + " at end; CPU busy " + busy + " of all cores in between";
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** {total, idle + iowait} jiffies of all cores, or null where /proc/stat is missing. */
    private static long[] cpuJiffies() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total, idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
