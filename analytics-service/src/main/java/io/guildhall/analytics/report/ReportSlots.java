package io.guildhall.analytics.report;

import jakarta.inject.Singleton;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The oversight and community reports take turns: at most one a core, and one per 64 MB of heap, at a time; the
 * others wait. A two-year oversight of a 10,000-person organisation holds some 50 MB while it is folded (every
 * person's weeks, every group's people), and a community report read from the ledger its contributors' lines: eight at
 * once ran the 256 MB heap out in the scale benchmark (500s), and on two cores eight at once finish no sooner than two.
 */
@Singleton
public class ReportSlots {

    /** What one report may hold at most while it is folded, with room to spare (see above). */
    private static final long HEAP_PER_REPORT = 64L << 20;

    /** One a core, and no more than the heap holds: a 16-core machine with a 256 MB heap still runs four at once. */
    private final Semaphore slots = new Semaphore(Math.max(1, (int) Math.min(Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() / HEAP_PER_REPORT)), true);

    public <T> T inTurn(Supplier<T> report) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to compute a report", e);
        }
        try {
            return report.get();
        } finally {
            slots.release();
        }
    }
}
