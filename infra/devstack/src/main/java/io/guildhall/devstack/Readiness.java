package io.guildhall.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until a server is ready, failing fast (with its log) when its process dies first. */
final class Readiness {

    private Readiness() {
    }

    static void await(String what, Duration timeout, ProcessHandle process, Path log, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited before it was ready; last lines of " + log
                        + ":\n" + Processes.tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s; last lines of "
                        + log + ":\n" + Processes.tail(log, 40));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }
}
