package io.guildhall.benchmarks.burst;

import io.guildhall.devstack.Postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline for seat decisions: PostgreSQL's own rate for one locked single-row update per transaction, the
 * shape of a naive "one RSVP, one transaction on the event's row" design, on the same server, from several
 * connections at once for a few seconds. A batch design is measured against it.
 */
final class LockedUpdateBaseline {

    private LockedUpdateBaseline() {
    }

    /** Transactions per second. */
    static double run(int port, String database, int connections, Duration duration) throws Exception {
        try (Connection setup = Postgres.connect(port, database); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_seat_counter (id INT PRIMARY KEY, taken BIGINT NOT NULL)");
            statement.execute("INSERT INTO bench_seat_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET taken = 0");
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> errors = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Connection c = Postgres.connect(port, database)) {
                    c.setAutoCommit(false);
                    try (PreparedStatement lock = c.prepareStatement("SELECT taken FROM bench_seat_counter WHERE id = 1 FOR UPDATE");
                         PreparedStatement update = c.prepareStatement("UPDATE bench_seat_counter SET taken = taken + 1 WHERE id = 1")) {
                        while (System.nanoTime() < end) {
                            lock.executeQuery().close();
                            update.executeUpdate();
                            c.commit();
                            done.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }, "baseline-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return done.get() / ((System.nanoTime() - begin) / 1e9);
    }
}
