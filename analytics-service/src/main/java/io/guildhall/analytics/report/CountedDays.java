package io.guildhall.analytics.report;

import io.guildhall.analytics.jdbc.Sql;
import io.guildhall.analytics.participation.DailyParticipation;
import io.guildhall.analytics.participation.LedgerEntry;
import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.participation.ProfileHistory;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everyone's counted minutes per day and community, kept in memory and brought up to date as the ledger changes:
 * the aggregate the oversight report reads instead of the ledger (issue 18). A day's counted minutes are the outcome
 * of the day rules ({@link DailyParticipation}: each attendance split into the person's days and working window, each
 * day capped at its work time), which depend on all of that person's lines and on their profile; so when anything of
 * a person changes, that person's days are worked out again from the ledger, with the same code the ledger path uses.
 *
 * <p>What changed is read from the database, not from this instance's consumer, so every instance's copy follows
 * every write (the tables remember the transaction that wrote each row, V7__change_tracking.sql): the ledger's lines
 * (their people, and the organisers of the events they attended, whose organising time depends on someone else
 * attending), profiles, events (their organisers) and the events that ended since the last look (organising counts
 * once an event has ended). An erasure or a rebuild of the read model rebuilds the whole copy.
 *
 * <p>A report first {@linkplain #readyFor brings it up to date} itself, so it sees every write committed before it
 * began; a background task does the same every second so that this is usually a few people. When very many people
 * changed (a bulk ingest, a rebuild) the copy is rebuilt in the background instead, at most a fifth of the time, and
 * until it is current again the reports read the ledger, exact as ever but slower.
 *
 * <p>Memory: three ints per person, day and community with minutes (a 10,000-person organisation's two years are
 * about 2.2 million, 27 MB).
 */
@Context
public class CountedDays {

    private static final Logger LOG = LoggerFactory.getLogger(CountedDays.class);
    /** How far back the copy goes: the longest period a report takes, and a week to spare. */
    static final int YEARS_HELD = Period.MAXIMUM_YEARS;
    private static final int PEOPLE_PER_QUERY = 500;
    /** A two-year copy of a 10,000-person organisation is read in 3 to 25 seconds on a busy two-core machine. */
    private static final Duration LONGEST_BUILD = Duration.ofMinutes(2);
    private static final Duration RETRY_AFTER_FAILED_BUILD = Duration.ofSeconds(30);
    private static final Days NONE = new Days(new int[0], new int[0], new int[0]);

    private final ReadModel readModel;
    private final AnalyticsSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final int mostPeoplePerCatchUp;
    private final Object lock = new Object();
    private final CommunityNumbers communities = new CommunityNumbers();
    private final ScheduledExecutorService background;

    // Guarded by lock.
    private volatile Map<String, Days> people = new ConcurrentHashMap<>();
    private volatile LocalDate from;
    private String snapshot;
    private Instant sweptUntil;
    private Long ledgerTable;
    private volatile boolean stale = true;
    private Instant nextFullBuild = Instant.EPOCH;
    /** Background thread only: the database's snapshot at the last look while stale, and whether the last build failed. */
    private String lastStaleSnapshot;
    private boolean lastBuildFailed;

    public CountedDays(ReadModel readModel, AnalyticsSettings settings, TransactionOperations<Connection> transactions,
                       MeterRegistry meters,
                       @Value("${guildhall.analytics.counted-days.most-people-per-catch-up:2000}") int mostPeople,
                       @Value("${guildhall.analytics.counted-days.enabled:true}") boolean enabled) {
        this.readModel = readModel;
        this.settings = settings;
        this.transactions = transactions;
        this.mostPeoplePerCatchUp = mostPeople;
        // For operations and the scale benchmark: whether the reports read the copy (1) or the ledger (0), and how
        // many people it holds.
        Gauge.builder("guildhall.analytics.counted.days.current", this, days -> days.stale ? 0 : 1)
                .description("1 while the reports read the counted days, 0 while they read the ledger").register(meters);
        Gauge.builder("guildhall.analytics.counted.days.people", this, days -> days.people.size())
                .description("people with counted minutes in the reports' copy").register(meters);
        this.background = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "counted-days");
            thread.setDaemon(true);
            return thread;
        });
        if (enabled) {
            background.scheduleWithFixedDelay(this::keepUp, 0, 1, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * One person's counted minutes: per entry a day (epoch day), a community (its {@link CommunityNumbers number}, -1
     * for none) and minutes; by day.
     */
    record Days(int[] days, int[] communities, int[] minutes) {

        int size() {
            return days.length;
        }

        /** The first entry on or after {@code day}. */
        int firstOnOrAfter(long day) {
            int at = Arrays.binarySearch(days, (int) day);
            if (at < 0) {
                return -at - 1;
            }
            while (at > 0 && days[at - 1] == day) {
                at--;
            }
            return at;
        }

        static Days of(List<LedgerEntry> counted, CommunityNumbers numbers) {
            Map<Long, Map<Integer, Integer>> byDay = new TreeMap<>();
            for (LedgerEntry line : counted) {
                int community = line.communityId() == null ? -1 : numbers.numberOf(line.communityId());
                byDay.computeIfAbsent(line.onDate().toEpochDay(), key -> new TreeMap<>()).merge(community,
                        line.minutes(), Integer::sum);
            }
            int size = byDay.values().stream().mapToInt(Map::size).sum();
            if (size == 0) {
                return NONE;
            }
            int[] days = new int[size];
            int[] communities = new int[size];
            int[] minutes = new int[size];
            int i = 0;
            for (Map.Entry<Long, Map<Integer, Integer>> day : byDay.entrySet()) {
                for (Map.Entry<Integer, Integer> community : day.getValue().entrySet()) {
                    days[i] = day.getKey().intValue();
                    communities[i] = community.getKey();
                    minutes[i++] = community.getValue();
                }
            }
            return new Days(days, communities, minutes);
        }
    }

    /** The numbers {@link Days} gives communities. */
    CommunityNumbers communities() {
        return communities;
    }

    /**
     * Brings the copy up to date with every write committed so far and says whether it holds the whole period; if
     * not (still being built, too much changed, a period older than it holds) the caller reads the ledger.
     */
    boolean readyFor(Period period) {
        synchronized (lock) {
            if (stale || period.start().isBefore(from)) {
                return false;
            }
            try {
                return catchUp();
            } catch (RuntimeException e) {
                LOG.warn("Could not bring the counted days up to date; the report reads the ledger: {}", e.toString());
                return false;
            }
        }
    }

    /** The person's counted minutes (none if they have none); valid after {@link #readyFor} said yes. */
    Days of(String personId) {
        return people.getOrDefault(personId, NONE);
    }

    /**
     * Each person's counted minutes in the community over the period, for those with any; valid after
     * {@link #readyFor} said yes.
     */
    Map<String, Long> minutesIn(UUID communityId, Period period) {
        int community = communities.numberOf(communityId);
        long start = period.start().toEpochDay();
        long end = period.end().toEpochDay();
        Map<String, Long> minutes = new HashMap<>();
        people.forEach((person, days) -> {
            long theirs = 0;
            for (int i = days.firstOnOrAfter(start); i < days.size() && days.days()[i] <= end; i++) {
                if (days.communities()[i] == community) {
                    theirs += days.minutes()[i];
                }
            }
            if (theirs > 0) {
                minutes.put(person, theirs);
            }
        });
        return minutes;
    }

    private void keepUp() {
        try {
            boolean current;
            synchronized (lock) {
                current = !stale && catchUp();
            }
            // A stale copy is built again at most a fifth of the time while writes go on (a bulk ingest would
            // outdate each copy at once), and at once when they pause: after a bulk ingest the reports read the copy
            // within a second or two of its end rather than after four times the last build (up to two minutes).
            if (!current && (!Instant.now().isBefore(nextFullBuild) || writesPaused())) {
                build();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // Never let the task end (a scheduled task that throws is not run again): the reports would read the
            // ledger for good.
            LOG.warn("Could not keep the counted days up to date (trying again in a second): {}", e.toString());
        }
    }

    /**
     * Whether nothing was written since the previous call: the database's snapshot is the same (a transaction that
     * writes takes a transaction id, which moves the snapshot; reading does not). Not after a failed build, which
     * waits its turn.
     */
    private boolean writesPaused() {
        if (lastBuildFailed) {
            return false;
        }
        String now = transactions.executeRead(status -> Sql.one(status.getConnection(),
                "SELECT pg_current_snapshot()::text", row -> row.getString(1)).orElseThrow());
        boolean paused = now.equals(lastStaleSnapshot);
        lastStaleSnapshot = now;
        return paused;
    }

    /** With the lock: applies the changes since the last look, or marks the copy stale when they are too many. */
    private boolean catchUp() {
        boolean current = transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            Sql.update(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            Look look = look(connection);
            if (!look.ledgerTable().equals(ledgerTable) || erasedSince(connection, snapshot)) {
                return false;
            }
            Set<String> changed = changedPeople(connection, snapshot, sweptUntil, look.now());
            if (changed.size() > mostPeoplePerCatchUp) {
                return false;
            }
            compute(connection, changed, people);
            snapshot = look.snapshot();
            sweptUntil = look.now();
            return true;
        });
        stale = !current;
        return current;
    }

    /** The whole copy again, outside the lock; installed with the changes since its own look still to apply. */
    private void build() {
        long begin = System.nanoTime();
        analyseIfMuchChanged();
        LocalDate first = LocalDate.now(settings.zone()).minusYears(YEARS_HELD).minusWeeks(1);
        Map<String, Days> built = new ConcurrentHashMap<>();
        Look look;
        try {
            look = transactions.executeRead(status -> read(status.getConnection(), first, built));
        } catch (RuntimeException e) {
            synchronized (lock) {
                nextFullBuild = Instant.now().plus(RETRY_AFTER_FAILED_BUILD);
            }
            lastBuildFailed = true;
            throw e;
        }
        lastBuildFailed = false;
        lastStaleSnapshot = null;
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        synchronized (lock) {
            people = built;
            from = first;
            snapshot = look.snapshot();
            sweptUntil = look.now();
            ledgerTable = look.ledgerTable();
            stale = false;
            // Rebuilding again after a burst of changes only when four times as long has passed: at most a fifth of
            // the time, so a bulk ingest is not slowed much by copies it would outdate at once.
            nextFullBuild = Instant.now().plus(took.multipliedBy(4));
        }
        LOG.info("Counted days of {} people from {} built in {} ms", built.size(), first, took.toMillis());
    }

    /**
     * Everyone's counted days from the ledger in one snapshot. A statement that runs longer than
     * {@link #LONGEST_BUILD} is stopped (the build is tried again later): a plan made on statistics from before a
     * bulk ingest once ran for minutes where a fresh one takes seconds.
     */
    private Look read(Connection connection, LocalDate first, Map<String, Days> into) throws SQLException {
        Sql.update(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        Sql.update(connection, "SET LOCAL statement_timeout = " + LONGEST_BUILD.toMillis());
        Look seen = look(connection);
        Map<String, ProfileHistory> profiles = readModel.profiles(connection);
        ParticipationRules rules = settings.rules();
        Period window = window(first);
        readModel.ledgerByPerson(connection, window, (person, lines) -> into.put(person,
                Days.of(DailyParticipation.of(profiles.getOrDefault(person, new ProfileHistory(List.of())), lines,
                        window, rules).counted(), communities)));
        return seen;
    }

    /**
     * The ledger's and the events' statistics brought up to date when a tenth of their rows changed since the last
     * analysis (a bulk ingest outruns autovacuum): the build's query joins both, and its plan depends on their sizes.
     * Best effort: without the right to analyse, the build runs on the statistics there are.
     */
    private void analyseIfMuchChanged() {
        try {
            transactions.executeWrite(status -> {
                for (String table : Sql.list(status.getConnection(), """
                        SELECT relname FROM pg_stat_user_tables
                        WHERE schemaname = current_schema() AND relname IN ('participation', 'calendar_event')
                          AND n_mod_since_analyze > 0.1 * greatest(n_live_tup, 1000)""", row -> row.getString(1))) {
                    Sql.update(status.getConnection(), "ANALYZE " + table);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.info("Could not analyse the ledger's statistics before building the counted days: {}", e.toString());
        }
    }

    /**
     * Where the database stands: its snapshot and clock, and which ledger table is the current one. A rebuild's switch
     * puts other tables in place in the same transaction that commits it (ShadowRebuild), so the ledger table's oid
     * changes exactly then; their rows were written before this copy's last look and would not show as changes.
     */
    private record Look(String snapshot, Instant now, Long ledgerTable) {
    }

    private static Look look(Connection connection) throws SQLException {
        return Sql.one(connection, """
                SELECT pg_current_snapshot()::text AS snapshot, now() AS now,
                       'participation'::regclass::oid::bigint AS ledger_table""",
                row -> new Look(row.getString("snapshot"), Sql.instant(row, "now"), row.getLong("ledger_table")))
                .orElseThrow();
    }

    /** Whether someone was erased since: their id is gone from the rows, so only a whole new copy drops it. */
    private static boolean erasedSince(Connection connection, String since) throws SQLException {
        return Sql.one(connection, "SELECT EXISTS (SELECT 1 FROM person_erasure WHERE" + WRITTEN_SINCE + ")",
                row -> row.getBoolean(1), since, since).orElseThrow();
    }

    /** A row written by a transaction the snapshot (two parameters) did not see. */
    private static final String WRITTEN_SINCE = " written_by >= pg_snapshot_xmin(?::pg_snapshot)"
            + " AND NOT pg_visible_in_snapshot(written_by, ?::pg_snapshot)";

    /** Whose counted days may differ from the copy's: see the class comment. */
    private static Set<String> changedPeople(Connection connection, String since, Instant sweptUntil, Instant now)
            throws SQLException {
        String written = WRITTEN_SINCE;
        String attended = WRITTEN_SINCE.replace("written_by", "p.written_by");
        Set<String> people = new HashSet<>(Sql.list(connection, """
                SELECT person_id FROM participation WHERE""" + written + """
                 UNION SELECT e.organiser_id FROM participation p JOIN calendar_event e ON e.event_id = p.event_id
                 WHERE p.source = 'ATTENDANCE' AND e.organiser_id IS NOT NULL AND""" + attended + """
                 UNION SELECT person_id FROM person_profile WHERE""" + written + """
                 UNION SELECT organiser_id FROM calendar_event WHERE organiser_id IS NOT NULL AND""" + written + """
                 UNION SELECT organiser_id FROM calendar_event WHERE organiser_id IS NOT NULL
                   AND ends_at > ? AND ends_at <= ?""", row -> row.getString(1), since, since, since, since, since,
                since, since, since, sweptUntil, now));
        people.remove(null);
        return people;
    }

    /** The people's counted days from the ledger, into {@code into}. */
    private void compute(Connection connection, Set<String> changed, Map<String, Days> into) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        ParticipationRules rules = settings.rules();
        Period window = window(from);
        List<String> all = new ArrayList<>(changed);
        for (int start = 0; start < all.size(); start += PEOPLE_PER_QUERY) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + PEOPLE_PER_QUERY));
            Map<String, ProfileHistory> profiles = readModel.profilesOf(connection, chunk);
            Map<String, List<LedgerEntry>> lines = new HashMap<>();
            readModel.ledgerOfPeople(connection, chunk, window).forEach(line -> lines
                    .computeIfAbsent(line.personId(), id -> new ArrayList<>()).add(line));
            for (String person : chunk) {
                Days days = Days.of(DailyParticipation.of(profiles.getOrDefault(person, new ProfileHistory(List.of())),
                        lines.getOrDefault(person, List.of()), window, rules).counted(), communities);
                if (days.size() == 0) {
                    into.remove(person);
                } else {
                    into.put(person, days);
                }
            }
        }
    }

    /** From the first day held to a year ahead (contributions may be dated ahead; reports stop at today). */
    private Period window(LocalDate first) {
        return new Period(Period.Kind.RANGE, first, LocalDate.now(settings.zone()).plusYears(1), "counted days");
    }
}
