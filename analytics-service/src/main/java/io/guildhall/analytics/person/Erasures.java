package io.guildhall.analytics.person;

import io.guildhall.analytics.jdbc.BatchRows;
import io.guildhall.analytics.jdbc.Prefetch;
import io.guildhall.analytics.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Erased people: their id is replaced by a pseudonym everywhere, and every handler maps the person ids of the events
 * it applies through {@link #resolve}, so an event about an erased person that arrives later is stored anonymised.
 *
 * <p>Topics are consumed on separate threads: a handler resolving an id takes a shared advisory lock on it, the
 * erasure an exclusive one, so an attendance committed in parallel with the erasure cannot keep the real id.
 * Handlers resolve their ids before writing rows, so the erasure never waits on a row they hold.
 */
@Singleton
public class Erasures implements Prefetch.People {

    /** Every column that holds a person id; attendance ledger ids embed it too (eventId/personId). */
    private static final String[] REPLACEMENTS = {
            "UPDATE person_profile SET person_id = ? WHERE person_id = ?",
            "UPDATE person_manager SET person_id = ? WHERE person_id = ?",
            "UPDATE person_manager SET manager_id = ? WHERE manager_id = ?",
            "UPDATE participation SET person_id = ? WHERE person_id = ? AND source = 'CONTRIBUTION'",
            "UPDATE rsvp SET person_id = ? WHERE person_id = ?",
            "UPDATE membership SET person_id = ? WHERE person_id = ?",
            "UPDATE community_lead SET person_id = ? WHERE person_id = ?",
            "UPDATE calendar_event SET organiser_id = ? WHERE organiser_id = ?",
            "UPDATE community SET founded_by = ? WHERE founded_by = ?",
    };

    public String resolve(Connection transaction, String personId) throws SQLException {
        if (personId == null) {
            return null;
        }
        Optional<BatchRows> batch = BatchRows.current();
        Optional<String> known = batch.flatMap(rows -> rows.resolved(personId));
        if (known.isPresent()) {
            return known.get();
        }
        Sql.list(transaction, "SELECT pg_advisory_xact_lock_shared(hashtext(?))", row -> 1, personId);
        String stored = pseudonymOf(transaction, personId).orElse(personId);
        // The shared lock stays with the transaction: no erasure of this person can commit before it does.
        batch.ifPresent(rows -> rows.resolvedAs(personId, stored));
        return stored;
    }

    /**
     * {@link #resolve} for many people in two statements: their shared locks together, then the pseudonyms of those
     * erased among them.
     */
    @Override
    public Map<String, String> resolveAll(Connection transaction, Set<String> personIds) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        if (personIds.isEmpty()) {
            return stored;
        }
        Sql.list(transaction, "SELECT count(pg_advisory_xact_lock_shared(hashtext(id))) FROM unnest(?::text[]) id",
                row -> 1, Sql.array(transaction, "text", personIds));
        Map<String, String> byDigest = new HashMap<>();
        for (String person : personIds) {
            byDigest.put(Pseudonyms.sha256(person), person);
            stored.put(person, person);
        }
        for (String[] erased : Sql.list(transaction, "SELECT person_id_sha256, pseudonym FROM person_erasure"
                        + " WHERE person_id_sha256 = ANY (?)", row -> new String[]{row.getString(1), row.getString(2)},
                Sql.array(transaction, "text", byDigest.keySet()))) {
            stored.put(byDigest.get(erased[0]), erased[1]);
        }
        return stored;
    }

    /** @return the pseudonym that now stands for the person (the first erasure's, if erased twice) */
    public String erase(Connection transaction, String personId, String erasureEventId, Instant erasedAt)
            throws SQLException {
        Sql.list(transaction, "SELECT pg_advisory_xact_lock(hashtext(?))", row -> 1, personId);
        Sql.update(transaction, """
                INSERT INTO person_erasure (person_id_sha256, pseudonym, erased_at) VALUES (?, ?, ?)
                ON CONFLICT (person_id_sha256) DO NOTHING""",
                Pseudonyms.sha256(personId), Pseudonyms.forErasure(erasureEventId), erasedAt);
        String pseudonym = pseudonymOf(transaction, personId).orElseThrow();
        for (String replacement : REPLACEMENTS) {
            Sql.update(transaction, replacement, pseudonym, personId);
        }
        Sql.update(transaction, """
                UPDATE participation SET person_id = ?, source_id = event_id::text || '/' || ?
                WHERE person_id = ? AND source = 'ATTENDANCE'""", pseudonym, pseudonym, personId);
        return pseudonym;
    }

    private static Optional<String> pseudonymOf(Connection transaction, String personId) throws SQLException {
        return Sql.one(transaction, "SELECT pseudonym FROM person_erasure WHERE person_id_sha256 = ?",
                row -> row.getString(1), Pseudonyms.sha256(personId));
    }
}
