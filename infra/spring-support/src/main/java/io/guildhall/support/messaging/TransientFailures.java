package io.guildhall.support.messaging;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which handler failures are the infrastructure's and pass by themselves: the database restarting or unreachable,
 * a connection dropped, a timeout, a deadlock or serialization failure. A consumer waits those out, however long
 * they last, instead of dead-lettering a valid event; anything else is the event's or the code's problem. The
 * classification is analytics-service's too ({@link io.guildhall.contracts.consumer.TransientFailures}); this adds
 * Spring's and R2DBC's own exception types.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable error) {
        return io.guildhall.contracts.consumer.TransientFailures.isTransient(error, cause ->
                cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                        || cause instanceof RecoverableDataAccessException || cause instanceof QueryTimeoutException
                        || cause instanceof PessimisticLockingFailureException
                        || cause instanceof R2dbcTransientException || cause instanceof R2dbcNonTransientResourceException
                        || cause instanceof R2dbcException r2dbc
                        && io.guildhall.contracts.consumer.TransientFailures.transientState(r2dbc.getSqlState()));
    }
}
