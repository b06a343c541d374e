package io.guildhall.analytics.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a run of events is about to read, declared by their handlers before any of them is applied
 * ({@link TopicHandler#prefetch}), so that the run reads it in a handful of statements: every person id resolved at
 * once (their erasure locks taken together), then each table's rows by key. A row's key may hold a person id as it is
 * stored, after erasures: it is computed once the ids are resolved.
 */
public final class Prefetch {

    /** Resolves many person ids at once: what each is stored as (a pseudonym once erased), locks taken. */
    public interface People {
        Map<String, String> resolveAll(Connection transaction, Set<String> personIds) throws SQLException;
    }

    private record Request<K>(BatchRows.Spec<K, ?> spec, Function<UnaryOperator<String>, K> key) {
    }

    private final Set<String> people = new LinkedHashSet<>();
    private final List<Request<?>> rows = new ArrayList<>();

    /** A person id the run will resolve. */
    public void person(String personId) {
        if (personId != null) {
            people.add(personId);
        }
    }

    /** A row the run will read, by a key computed from resolved person ids ({@code stored.apply(personId)}). */
    public <K> void row(BatchRows.Spec<K, ?> spec, Function<UnaryOperator<String>, K> key) {
        rows.add(new Request<>(spec, key));
    }

    /** Resolves the people and reads the rows into the batch. */
    public void load(Connection transaction, BatchRows batch, People resolver) throws SQLException {
        Set<String> unresolved = new LinkedHashSet<>();
        for (String person : people) {
            if (batch.resolved(person).isEmpty()) {
                unresolved.add(person);
            }
        }
        if (!unresolved.isEmpty()) {
            resolver.resolveAll(transaction, unresolved).forEach(batch::resolvedAs);
        }
        UnaryOperator<String> stored = person -> person == null ? null : batch.resolved(person).orElse(person);
        Map<BatchRows.Spec<?, ?>, List<Object>> keys = new LinkedHashMap<>();
        for (Request<?> request : rows) {
            keys.computeIfAbsent(request.spec(), spec -> new ArrayList<>()).add(request.key().apply(stored));
        }
        for (Map.Entry<BatchRows.Spec<?, ?>, List<Object>> entry : keys.entrySet()) {
            prefetch(transaction, batch, entry.getKey(), entry.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static <K> void prefetch(Connection transaction, BatchRows batch, BatchRows.Spec<K, ?> spec,
                                     List<Object> keys) throws SQLException {
        batch.table(spec).prefetch(transaction, (List<K>) keys);
    }
}
