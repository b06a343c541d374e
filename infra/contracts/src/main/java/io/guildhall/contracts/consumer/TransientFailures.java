package io.guildhall.contracts.consumer;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Which handler failures are the infrastructure's and pass by themselves, for every Guildhall consumer (the Spring
 * services through spring-support, analytics directly): the database restarting or unreachable, a connection
 * dropped, a timeout, a deadlock or serialization failure, a lock not granted. A consumer waits those out, however
 * long they last, and never dead-letters a valid event for them; anything else is the event's or the code's problem
 * and is dead-lettered after a bounded number of tries.
 */
public final class TransientFailures {

    /** SQLSTATE classes and codes of PostgreSQL that pass by themselves. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "40003", "55P03", "55006");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable error) {
        return isTransient(error, cause -> false);
    }

    /** @param alsoTransient a library's own transient exception types (Spring's DAO and R2DBC exceptions) */
    public static boolean isTransient(Throwable error, Predicate<Throwable> alsoTransient) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && transientState(sql.getSQLState())
                    || alsoTransient.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's SQLSTATE: connection exceptions, rollbacks (deadlock, serialization), resources, shutdowns. */
    public static boolean transientState(String sqlState) {
        return sqlState != null && sqlState.length() == 5
                && (TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)) || TRANSIENT_CODES.contains(sqlState));
    }
}
