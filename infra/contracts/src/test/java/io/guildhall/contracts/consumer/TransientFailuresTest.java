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
    void theDatabaseOrTheNetworkGoingAwayPassesBySelf() {
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
    void aBugOrABadEventDoesNot() {
        assertFalse(TransientFailures.isTransient(new SQLException("refused Poison", "P0001")), "raise_exception");
        assertFalse(TransientFailures.isTransient(new SQLException("value too long", "22001")));
        assertFalse(TransientFailures.isTransient(new SQLException("violates check constraint", "23514")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("no such community")));
    }

    @Test
    void aLibraryMayAddItsOwnTransientTypes() {
        assertTrue(TransientFailures.isTransient(new IllegalStateException("x", new ArithmeticException()),
                cause -> cause instanceof ArithmeticException));
    }
}
