package io.guildhall.analytics.messaging;

import io.guildhall.analytics.jdbc.Prefetch;
import io.guildhall.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A polled record once read: an event to apply (with its handler bound to it), a valid event nobody here uses, or
 * a record that cannot be read and goes to the dead-letter topic. Reading touches neither Kafka nor the database, so
 * a whole batch is read before any of it is written.
 */
record CheckedRecord(ConsumerRecord<String, byte[]> record, Kind kind, CloudEventHeaders headers,
                     Application application, boolean batched, java.util.function.Consumer<Prefetch> prefetch,
                     String invalidReason) {

    enum Kind { APPLY, IGNORE, DEAD_LETTER }

    /** The handler's work for this one event, in the transaction of the given connection. */
    @FunctionalInterface
    interface Application {
        void apply(Connection transaction) throws SQLException;
    }

    static CheckedRecord toApply(ConsumerRecord<String, byte[]> record, CloudEventHeaders headers,
                                 Application application, boolean batched,
                                 java.util.function.Consumer<Prefetch> prefetch) {
        return new CheckedRecord(record, Kind.APPLY, headers, application, batched, prefetch, null);
    }

    static CheckedRecord ignored(ConsumerRecord<String, byte[]> record, CloudEventHeaders headers) {
        return new CheckedRecord(record, Kind.IGNORE, headers, null, false, null, null);
    }

    static CheckedRecord invalid(ConsumerRecord<String, byte[]> record, String reason) {
        return new CheckedRecord(record, Kind.DEAD_LETTER, null, null, false, null, reason);
    }

    String position() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
