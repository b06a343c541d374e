package io.guildhall.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of process trees, from /proc (Linux), to state what the stack really costs. */
public final class Memory {

    private Memory() {
    }

    /** Memory (PSS, else VmRSS) summed over the process and its descendants, in MiB; 0 where /proc is unavailable. */
    public static long rssMiB(long pid) {
        return ProcessHandle.of(pid)
                .map(root -> Stream.concat(Stream.of(root), root.descendants()).mapToLong(p -> rssKiB(p.pid())).sum())
                .orElse(0L) / 1024;
    }

    /** Memory (PSS, else VmRSS) of the process alone, in MiB. */
    public static long ownRssMiB(long pid) {
        return rssKiB(pid) / 1024;
    }

    /**
     * Proportional set size where the kernel offers it: PostgreSQL's processes share their buffers, and
     * summing their VmRSS would count that memory once per process. Falls back to VmRSS.
     */
    private static long rssKiB(long pid) {
        long pss = kiB(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:");
        return pss > 0 ? pss : kiB(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
    }

    private static long kiB(Path file, String field) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(field))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
