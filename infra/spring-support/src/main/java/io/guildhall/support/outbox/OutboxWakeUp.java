package io.guildhall.support.outbox;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Wake-ups for the relay: a statement-level trigger notifies {@value #CHANNEL} when rows are inserted, and
 * PostgreSQL delivers the notification when the inserting transaction commits. One dedicated connection
 * (outside the pool) listens; if it drops, it is opened again with backoff while the poll tick carries on.
 */
final class OutboxWakeUp {

    static final String CHANNEL = "guildhall_outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxWakeUp.class);

    private OutboxWakeUp() {
    }

    /** Notifications as they arrive; empty (poll only) when the database is not PostgreSQL. */
    static Flux<Object> listen(ConnectionFactory factory) {
        ConnectionFactory direct = factory;
        while (direct instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            direct = inner;
        }
        ConnectionFactory source = direct;
        return Flux.usingWhen(Mono.from(source.create()), OutboxWakeUp::notifications, Connection::close)
                .doOnError(error -> log.debug("Outbox wake-up connection lost, polling meanwhile: {}", error.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10)))
                .repeatWhen(done -> done.delayElements(Duration.ofSeconds(1)));
    }

    private static Flux<Object> notifications(Connection connection) {
        if (!(connection instanceof PostgresqlConnection postgres)) {
            return Flux.never();
        }
        return postgres.createStatement("LISTEN " + CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .thenMany(postgres.getNotifications().map(notification -> (Object) notification.getName()));
    }
}
