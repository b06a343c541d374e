package io.guildhall.analytics.rebuild;

import io.guildhall.analytics.messaging.BatchConsumer;
import io.guildhall.analytics.jdbc.Sql;
import io.guildhall.contracts.Topics;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds the read model without ever showing a partial one. A rebuild builds a <em>shadow</em> read model in the
 * schema {@value #SHADOW}: a consumer of its own (no group) reads every topic from its beginning and applies it with
 * the live consumer's own code ({@link BatchConsumer#shadow}), while the reports keep reading the current
 * read model and the live listeners keep it up to date. Once the shadow is within
 * {@code guildhall.kafka.rebuild-switch-lag} (1,000) records of the topics' ends (under live load it may never be at
 * the very end) it switches over in one transaction:
 * <ol>
 *   <li>it takes the apply lock exclusively, which every live batch on every instance takes shared as its first
 *       statement: the batches under way finish, new ones wait;</li>
 *   <li>it reads the topics' ends again and lets the shadow reach them, so the shadow holds every event any live
 *       batch can have applied;</li>
 *   <li>it moves the current tables out of {@code public} and the shadow's in, and commits. The waiting batches then
 *       run against the rebuilt tables, whose {@code processed_event} rows make the events they already hold
 *       duplicates.</li>
 * </ol>
 * A failed or cancelled rebuild drops the shadow; the current read model stays as it was. One rebuild at a time on
 * all instances (a PostgreSQL advisory lock held by the running one); its progress is in {@code rebuild_run}, so any
 * instance answers {@code GET /api/analytics/admin/rebuild}, and a cancel asked on any instance is seen.
 */
@Singleton
public class ShadowRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRebuild.class);

    /** Everything built from events (with {@code processed_event}); the other tables are not derived data. */
    public static final List<String> READ_MODEL_TABLES = List.of("community", "person_profile", "person_erasure",
            "participation", "calendar_event", "rsvp", "membership", "community_lead", "goal", "after_the_fact_event", "event_feedback", "person_manager");
    static final List<String> TOPICS = List.of(Topics.COMMUNITY, Topics.CONTRIBUTION, Topics.EVENT, Topics.MEMBERSHIP,
            Topics.PERSON);
    static final String SHADOW = "analytics_shadow";
    static final String REPLACED = "analytics_replaced";
    /** Held (session level) by the instance running a rebuild. */
    static final long REBUILD_LOCK = BatchConsumer.APPLY_LOCK + 1;

    private final DataSource pool;
    private final TransactionOperations<Connection> transactions;
    private final BatchConsumer live;
    private final String bootstrapServers;
    private final Duration progressEvery;
    private final Duration retryDelay;
    /** Close enough to switch: the rest is applied under the apply lock, while the live batches wait. */
    private final long switchLag;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "analytics-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ShadowRebuild(DataSource dataSource, TransactionOperations<Connection> transactions,
                         BatchConsumer live,
                         @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                         @Value("${guildhall.kafka.rebuild-progress-every:1s}") Duration progressEvery,
                         @Value("${guildhall.kafka.retry-delay:2s}") Duration retryDelay,
                         @Value("${guildhall.kafka.rebuild-switch-lag:1000}") long switchLag) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactions = transactions;
        this.live = live;
        this.bootstrapServers = bootstrapServers;
        this.progressEvery = progressEvery;
        this.retryDelay = retryDelay;
        this.switchLag = Math.max(0, switchLag);
    }

    /** Starts a rebuild in the background. @throws RebuildException (conflict) when one is running on any instance */
    public RebuildStarted start() {
        Connection lock = null;
        KafkaConsumer<String, byte[]> consumer = null;
        try {
            lock = pool.getConnection();
            lock.setAutoCommit(true);
            if (!Boolean.TRUE.equals(Sql.one(lock, "SELECT pg_try_advisory_lock(?)", row -> row.getBoolean(1),
                    REBUILD_LOCK).orElse(false))) {
                throw new RebuildException(true, "A rebuild is already running; follow it at GET"
                        + " /api/analytics/admin/rebuild, or cancel it with DELETE.");
            }
            consumer = consumer();
            List<TopicPartition> partitions = partitions(consumer);
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            transactions.executeWrite(status -> Sql.update(status.getConnection(), "INSERT INTO rebuild_run (id, state,"
                    + " instance, started_at, updated_at) VALUES (?, 'BUILDING', ?, ?, ?)", id, instance, now, now));
            Connection held = lock;
            KafkaConsumer<String, byte[]> reader = consumer;
            runner.submit(() -> run(id, held, reader, partitions));
            LOG.info("Rebuild {} started: a shadow read model from {}", id, partitions);
            return new RebuildStarted(id, now, TOPICS, partitions.stream().map(TopicPartition::toString).toList());
        } catch (RuntimeException | SQLException e) {
            closeQuietly(consumer);
            release(lock);
            if (e instanceof RebuildException rebuild) {
                throw rebuild;
            }
            throw new RebuildException(false, "The rebuild could not start: " + e);
        }
    }

    /** The latest rebuild, if there was one. */
    public Optional<RebuildProgress> progress() {
        return transactions.executeRead(status -> Sql.one(status.getConnection(), "SELECT * FROM rebuild_run"
                + " ORDER BY started_at DESC LIMIT 1", row -> {
            double rate = row.getDouble("events_per_second");
            long lag = row.getLong("lag");
            String state = row.getString("state");
            Long left = rate > 0 && ("BUILDING".equals(state) || "SWITCHING".equals(state))
                    ? (long) Math.ceil(lag / rate) : null;
            return new RebuildProgress(Sql.uuid(row, "id"), state, row.getString("instance"),
                    Sql.instant(row, "started_at"), Sql.instant(row, "updated_at"), Sql.instant(row, "finished_at"),
                    row.getLong("events_applied"), row.getLong("events_total"), lag, rate, left,
                    row.getBoolean("cancel_requested"), row.getString("error"));
        }));
    }

    /** Asks the running rebuild, on whichever instance, to stop; false when none is running. */
    public boolean cancel() {
        return transactions.executeWrite(status -> Sql.update(status.getConnection(), "UPDATE rebuild_run SET"
                + " cancel_requested = TRUE WHERE state = 'BUILDING'")) > 0;
    }

    private void run(UUID id, Connection lock, KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        try (consumer) {
            createShadow();
            BatchConsumer shadow = live.shadow(SHADOW);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Instant started = Instant.now();
            Instant nextReport = started.plus(progressEvery);
            while (true) {
                apply(consumer, shadow);
                if (Instant.now().isAfter(nextReport)) {
                    nextReport = Instant.now().plus(progressEvery);
                    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                    long read = read(consumer, beginning, partitions);
                    long lag = lag(consumer, ends, partitions);
                    double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
                    if (report(id, "BUILDING", read, read + lag, lag, read / seconds)) {
                        throw new Cancelled();
                    }
                    if (lag <= switchLag) {
                        report(id, "SWITCHING", read, read, 0, read / seconds);
                        switchOverRetrying(consumer, shadow, partitions);
                        finish(id, "DONE", read(consumer, beginning, partitions), null);
                        LOG.info("Rebuild {} done: the reports read the rebuilt read model", id);
                        return;
                    }
                }
            }
        } catch (Cancelled cancelled) {
            LOG.info("Rebuild {} cancelled; the read model is as it was", id);
            dropShadow();
            finish(id, "CANCELLED", null, null);
        } catch (Throwable e) {
            LOG.error("Rebuild {} failed; the read model is as it was", id, e);
            dropShadow();
            finish(id, "FAILED", null, e.toString());
        } finally {
            release(lock);
        }
    }

    /** How often the switch is tried when it gives way to the reports (a lock it could not take in time). */
    static final int SWITCH_ATTEMPTS = 20;

    /**
     * How long the switch waits for one table's lock before it gives up and tries again: less than PostgreSQL's
     * deadlock_timeout (1 s), so that when a report holds a table the switch wants while it waits for one the switch
     * holds, the switch gives way, never the report (which the person would see as a 500).
     */
    static final String SWITCH_LOCK_TIMEOUT = "300ms";

    /**
     * A report reads several tables in one transaction, and the switch moves them one by one: the two could deadlock.
     * The switch waits for a lock at most {@link #SWITCH_LOCK_TIMEOUT} (55P03), and if PostgreSQL still picks it for a
     * deadlock (40P01), its transaction left nothing behind: the switch is tried again, with the shadow brought up to
     * date again first.
     */
    private void switchOverRetrying(KafkaConsumer<String, byte[]> consumer, BatchConsumer shadow,
                                    List<TopicPartition> partitions) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                switchOver(consumer, shadow, partitions);
                return;
            } catch (SQLException e) {
                if (attempt >= SWITCH_ATTEMPTS || !io.guildhall.contracts.consumer.TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warn("Rebuild switch attempt {} of {} was aborted ({}); trying again", attempt, SWITCH_ATTEMPTS,
                        e.toString());
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
    }

    /** The switch: see the class comment. One transaction; the apply lock keeps every live batch out meanwhile. */
    private void switchOver(KafkaConsumer<String, byte[]> consumer, BatchConsumer shadow,
                            List<TopicPartition> partitions) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "SELECT pg_advisory_xact_lock(" + BatchConsumer.APPLY_LOCK + ")");
                execute(connection, "SET LOCAL lock_timeout = '" + SWITCH_LOCK_TIMEOUT + "'");
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                while (lag(consumer, ends, partitions) > 0) {
                    apply(consumer, shadow);
                }
                execute(connection, "DROP SCHEMA IF EXISTS " + REPLACED + " CASCADE");
                execute(connection, "CREATE SCHEMA " + REPLACED);
                for (String table : tables()) {
                    execute(connection, "ALTER TABLE public." + table + " SET SCHEMA " + REPLACED);
                    execute(connection, "ALTER TABLE " + SHADOW + "." + table + " SET SCHEMA public");
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        dropSchemas(REPLACED, SHADOW);
    }

    private void apply(KafkaConsumer<String, byte[]> consumer, BatchConsumer shadow) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> retryFrom = shadow.consume(records);
        if (!retryFrom.isEmpty()) {
            retryFrom.forEach(consumer::seek);
            LOG.info("Rebuild reads {} again after {}", retryFrom, retryDelay);
            sleep(retryDelay);
        }
    }

    private void createShadow() throws SQLException {
        dropSchemas(SHADOW);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, "CREATE SCHEMA " + SHADOW);
            for (String table : tables()) {
                execute(connection, "CREATE TABLE " + SHADOW + "." + table + " (LIKE public." + table
                        + " INCLUDING ALL)");
                copyTriggers(connection, table);
            }
            connection.commit();
        }
    }

    /**
     * The table's triggers on its shadow too ({@code LIKE} copies columns, defaults and indexes, not triggers): the
     * rebuilt tables must remember who wrote their rows as the current ones do (V7__change_tracking.sql).
     */
    private static void copyTriggers(Connection connection, String table) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (var statement = connection.prepareStatement("SELECT pg_get_triggerdef(oid) FROM pg_trigger"
                + " WHERE tgrelid = ?::regclass AND NOT tgisinternal")) {
            statement.setString(1, "public." + table);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    definitions.add(rows.getString(1));
                }
            }
        }
        for (String definition : definitions) {
            execute(connection, definition.replace(" ON public." + table + " ", " ON " + SHADOW + "." + table + " "));
        }
    }

    private void dropShadow() {
        try {
            dropSchemas(SHADOW);
        } catch (SQLException e) {
            LOG.warn("Could not drop the rebuild's shadow schema {}: {}", SHADOW, e.toString());
        }
    }

    private void dropSchemas(String... schemas) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            for (String schema : schemas) {
                execute(connection, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** @return whether a cancel was asked for */
    private boolean report(UUID id, String state, long read, long total, long lag, double rate) {
        return transactions.executeWrite(status -> Sql.one(status.getConnection(), "UPDATE rebuild_run SET state = ?,"
                        + " updated_at = ?, events_applied = ?, events_total = ?, lag = ?, events_per_second = ?"
                        + " WHERE id = ? RETURNING cancel_requested", row -> row.getBoolean(1),
                state, Instant.now(), read, total, lag, rate, id).orElse(false));
    }

    private void finish(UUID id, String state, Long read, String error) {
        try {
            transactions.executeWrite(status -> Sql.update(status.getConnection(), "UPDATE rebuild_run SET state = ?,"
                            + " updated_at = ?, finished_at = ?, events_applied = COALESCE(CAST(? AS BIGINT), events_applied),"
                            + " lag = CASE WHEN CAST(? AS TEXT) = 'DONE' THEN 0 ELSE lag END, error = CAST(? AS TEXT)"
                            + " WHERE id = ?",
                    state, Instant.now(), Instant.now(), read, state, error, id));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of rebuild {}: {}", id, e.toString());
        }
    }

    private static long read(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> beginning,
                             List<TopicPartition> partitions) {
        long read = 0;
        for (TopicPartition partition : partitions) {
            read += consumer.position(partition) - beginning.getOrDefault(partition, 0L);
        }
        return read;
    }

    private static long lag(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends,
                            List<TopicPartition> partitions) {
        long lag = 0;
        for (TopicPartition partition : partitions) {
            lag += Math.max(0, ends.getOrDefault(partition, 0L) - consumer.position(partition));
        }
        return lag;
    }

    private static List<String> tables() {
        List<String> tables = new ArrayList<>(READ_MODEL_TABLES);
        tables.add("processed_event");
        return tables;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "analytics-rebuild",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return partitions;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void release(Connection lock) {
        if (lock == null) {
            return;
        }
        try (lock) {
            execute(lock, "SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            // Closing the connection ends its session, and the session's advisory locks with it.
        }
    }

    private static void closeQuietly(KafkaConsumer<String, byte[]> consumer) {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
