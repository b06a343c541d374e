package io.guildhall.devstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a launcher has to stop, stopped in the reverse order of registration. Things are
 * registered before they start, so a Ctrl-C during a slow start still stops them; anything
 * registered after stopping began is stopped at once.
 */
final class StopList {

    private record Entry(String name, Runnable stop) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private boolean stopping;

    void add(String name, Runnable stop) {
        synchronized (this) {
            if (!stopping) {
                entries.push(new Entry(name, stop));
                return;
            }
        }
        run(new Entry(name, stop));
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    void stopAll() {
        List<Entry> toStop;
        synchronized (this) {
            stopping = true;
            toStop = new ArrayList<>(entries);
            entries.clear();
        }
        toStop.forEach(StopList::run);
    }

    private static void run(Entry entry) {
        long start = System.nanoTime();
        try {
            entry.stop().run();
            System.out.printf("  stopped %-19s (%.1f s)%n", entry.name(), (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            System.out.printf("  could not stop %s: %s%n", entry.name(), e);
        }
    }
}
