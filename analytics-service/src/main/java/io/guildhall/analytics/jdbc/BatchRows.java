package io.guildhall.analytics.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows a batch of events works on, kept for the length of the batch's transaction, so that a batch costs a few
 * round trips to the database instead of several per event. A store that supports it ({@link Table}) reads a row for
 * update the first time an event of the batch needs it and serves it from here afterwards; what the events change is
 * written once per row, in bulk, when the batch {@link #flush flushes}: before an event whose handler works on the
 * database directly, and before the transaction commits. Within the batch every handler sees every earlier event's
 * change, exactly as if each had been written at once.
 *
 * <p>Bound to the consuming thread while {@link BatchConsumer} applies a batch ({@link #current}); outside
 * of that the stores work row by row as before. Also what a person id resolves to (the erasure lock stays held by
 * the transaction, so asking once per batch is enough).
 */
public final class BatchRows {

    private static final ThreadLocal<BatchRows> CURRENT = new ThreadLocal<>();

    private final Map<Spec<?, ?>, Table<?, ?>> tables = new LinkedHashMap<>();
    private final Map<String, String> resolved = new HashMap<>();

    /** The batch being applied on this thread, if any. */
    public static Optional<BatchRows> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} with a fresh batch bound to this thread, flushing it at the end. */
    public static <R> R within(Connection transaction, SqlWork<R> work) throws SQLException {
        BatchRows rows = new BatchRows();
        BatchRows outer = CURRENT.get();
        CURRENT.set(rows);
        try {
            R result = work.run(rows);
            rows.flush(transaction);
            return result;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    @FunctionalInterface
    public interface SqlWork<R> {
        R run(BatchRows rows) throws SQLException;
    }

    /** How a store reads many of its rows for update, and writes many. */
    public interface Spec<K, R> {

        /** The rows that exist among {@code keys}, locked for update. */
        Map<K, R> load(Connection transaction, Collection<K> keys) throws SQLException;

        /** Inserts or replaces these rows (each key once). */
        void write(Connection transaction, List<R> rows) throws SQLException;
    }

    /**
     * Reads the row of {@code key} for update, lets {@code rule} decide what it becomes (empty: it stays as it is) and
     * keeps the result: in the batch bound to this thread, else written at once.
     */
    public static <K, R> void change(Connection transaction, Spec<K, R> spec, K key,
                                     java.util.function.Function<Optional<R>, Optional<R>> rule) throws SQLException {
        BatchRows batch = CURRENT.get();
        Table<K, R> table = batch != null ? batch.table(spec) : new Table<>(spec);
        Optional<R> next = rule.apply(table.get(transaction, key));
        if (next.isPresent()) {
            table.put(key, next.get());
            if (batch == null) {
                table.flush(transaction);
            }
        }
    }

    @SuppressWarnings("unchecked")
    public <K, R> Table<K, R> table(Spec<K, R> spec) {
        return (Table<K, R>) tables.computeIfAbsent(spec, key -> new Table<>(spec));
    }

    /** What the person id resolved to earlier in this batch, if it was. */
    public Optional<String> resolved(String personId) {
        return Optional.ofNullable(resolved.get(personId));
    }

    public void resolvedAs(String personId, String stored) {
        resolved.put(personId, stored);
    }

    /** Writes every changed row. */
    public void flush(Connection transaction) throws SQLException {
        for (Table<?, ?> table : tables.values()) {
            table.flush(transaction);
        }
    }

    /** Writes every changed row and forgets what was read: a handler is about to change rows behind the tables. */
    public void flushAndForget(Connection transaction) throws SQLException {
        flush(transaction);
        tables.clear();
        resolved.clear();
    }

    /** One store's rows of this batch: as read (or known to be absent), and those changed since the last flush. */
    public static final class Table<K, R> {

        private final Spec<K, R> spec;
        private final Map<K, Optional<R>> known = new HashMap<>();
        private final Map<K, R> changed = new LinkedHashMap<>();

        private Table(Spec<K, R> spec) {
            this.spec = spec;
        }

        /** The row as the batch has it so far, read (for update) on first use. */
        public Optional<R> get(Connection transaction, K key) throws SQLException {
            Optional<R> row = known.get(key);
            if (row == null) {
                prefetch(transaction, List.of(key));
                row = known.get(key);
            }
            return row;
        }

        /** Reads the rows of these keys that the batch has not read yet, in one statement. */
        public void prefetch(Connection transaction, Collection<K> keys) throws SQLException {
            List<K> missing = new ArrayList<>();
            for (K key : keys) {
                if (!known.containsKey(key)) {
                    missing.add(key);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Map<K, R> rows = spec.load(transaction, missing);
            for (K key : missing) {
                known.put(key, Optional.ofNullable(rows.get(key)));
            }
        }

        public void put(K key, R row) {
            known.put(key, Optional.of(row));
            changed.put(key, row);
        }

        private void flush(Connection transaction) throws SQLException {
            if (changed.isEmpty()) {
                return;
            }
            spec.write(transaction, new ArrayList<>(changed.values()));
            changed.clear();
        }
    }
}
