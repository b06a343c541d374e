package io.guildhall.contracts.consumer;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a consumer waits out, and what it dead-letters after a few tries. */
class TransientFailuresTest {

    @Test
    void the_database_or_the_network_going_away_passes_by_self() {
        assertTrue(TransientFailures.isTransient(new SQLException("terminating connection", "57P01")),
                "admin shutdown: a restart");
        assertTrue(TransientFailures.isTransient(new SQLException("connection refused", "08001")));
        assertTrue(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(TransientFailures.isTransient(new SQLException("could not serialize", "40001")));
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new UncheckedIOException(new ConnectException("refused")))), "found among the causes");
    }

    @Test
    void a_bug_or_a_bad_event_does_not() {
        assertFalse(TransientFailures.isTransient(new SQLException("refused Poison", "P0001")), "raise_exception");
        assertFalse(TransientFailures.isTransient(new SQLException("value too long", "22001")));
        assertFalse(TransientFailures.isTransient(new SQLException("violates check constraint", "23514")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("no such community")));
    }

    @Test
    void a_library_may_add_its_own_transient_types() {
        assertTrue(TransientFailures.isTransient(new IllegalStateException("x", new ArithmeticException()),
                cause -> cause instanceof ArithmeticException));
    }
}
