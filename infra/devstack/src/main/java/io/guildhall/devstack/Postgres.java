package io.guildhall.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * PostgreSQL from the zonky embedded binaries, data kept in {@code .guildhall/postgres/data}.
 * zonky starts the server with fsync off: fine for development and tests, never for real data.
 */
public final class Postgres implements AutoCloseable {

    public static final int DEFAULT_PORT = 15432;
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dir;
    private final int port;
    private final Path log;
    private EmbeddedPostgres server;
    private boolean stopped;

    public Postgres(Path dir, int port, Path log) {
        this.dir = dir;
        this.port = port;
        this.log = log;
    }

    public static Postgres of(GuildhallHome home) {
        return new Postgres(home.postgres(), DEFAULT_PORT, home.log("postgres"));
    }

    public synchronized void start() throws IOException {
        if (stopped) {
            throw new IllegalStateException("PostgreSQL was stopped before it started");
        }
        Ports.requireFree(port, "PostgreSQL");
        Files.createDirectories(log.getParent());
        server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                .setServerConfig("listen_addresses", Ports.HOST)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    public int port() {
        return port;
    }

    /** The postmaster's pid: pg_ctl detaches it, so it is no child of this JVM. */
    public OptionalLong pid() {
        return postmasterPid(dir);
    }

    static OptionalLong postmasterPid(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("data").resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public void createDatabaseIfMissing(String name) {
        createDatabaseIfMissing(port, name);
    }

    public static void createDatabaseIfMissing(int port, String name) {
        requireValidName(name);
        try (Connection c = connect(port, "postgres");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // another JVM created it in between
                throw new IllegalStateException("Cannot create database " + name + " on port " + port, e);
            }
        }
    }

    /** Drops (terminating its sessions) and recreates a database: each test class can start from nothing. */
    public static void recreateDatabase(int port, String name) {
        requireValidName(name);
        try (Connection c = connect(port, "postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate database " + name + " on port " + port, e);
        }
    }

    public static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(port, database), USERNAME, PASSWORD);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/" + database;
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + name);
        }
    }

    /** Final: a stop that comes before (or during) {@link #start()} keeps the server from starting. */
    public synchronized void stop() {
        stopped = true;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    /**
     * Stops a server an earlier (now dead) launcher left running. SIGINT asks the postmaster for a
     * fast shutdown, which disconnects clients instead of waiting for them (SIGTERM would wait).
     * Not pg_ctl: as root it only runs inside zonky's user namespace.
     */
    static void stopOrphan(Path dir) throws IOException, InterruptedException {
        OptionalLong pid = postmasterPid(dir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid.getAsLong());
        if (postmaster.isEmpty()) {
            return;
        }
        new ProcessBuilder("kill", "-INT", String.valueOf(pid.getAsLong())).inheritIO().start().waitFor();
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Processes.stopTree(postmaster.get(), Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        stop();
    }
}
