package io.guildhall.support.messaging;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Which handler failures are the infrastructure's and pass by themselves: the database restarting or unreachable,
 * a connection dropped, a timeout, a deadlock or serialization failure. A consumer waits those out, however long
 * they last, instead of dead-lettering a valid event; anything else is the event's or the code's problem.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof RecoverableDataAccessException || cause instanceof QueryTimeoutException
                    || cause instanceof PessimisticLockingFailureException
                    || cause instanceof R2dbcTransientException || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
