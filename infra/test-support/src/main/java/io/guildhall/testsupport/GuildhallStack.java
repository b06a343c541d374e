package io.guildhall.testsupport;

import io.guildhall.devstack.GuildhallHome;
import io.guildhall.devstack.KafkaBroker;
import io.guildhall.devstack.Ports;
import io.guildhall.devstack.Postgres;
import io.guildhall.devstack.ServiceProcess;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.devstack.StackEndpoints;
import io.guildhall.devstack.StackState;
import io.guildhall.devstack.TokenClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The real PostgreSQL, Kafka and Keycloak for integration tests. {@link #shared()} reuses the
 * servers that {@code ./guildhall infra|up} or an earlier test JVM of the same build started, and
 * otherwise starts them once for the whole Maven run (they stop when Maven exits). Where a Docker
 * engine exists, Testcontainers serves them instead (see {@link ContainerStack}).
 */
public final class GuildhallStack {

    private static GuildhallStack shared;

    private final GuildhallHome home;
    private final StackEndpoints endpoints;
    private final TokenClient tokens;

    private GuildhallStack(GuildhallHome home, StackEndpoints endpoints) {
        this.home = home;
        this.endpoints = endpoints;
        this.tokens = new TokenClient(endpoints.issuer());
    }

    public static synchronized GuildhallStack shared() {
        if (shared == null || !shared.isRunning()) {
            GuildhallHome home = GuildhallHome.locate();
            shared = new GuildhallStack(home, runningOrStarted(home));
        }
        return shared;
    }

    /** A stack already running here wins; else containers where Docker is, else the embedded servers. */
    private static StackEndpoints runningOrStarted(GuildhallHome home) {
        return StackState.read(home).endpoints()
                .orElseGet(() -> ContainerStack.wanted() ? ContainerStack.start() : SharedStackStarter.runningOrStarted(home));
    }

    private boolean isRunning() {
        return Ports.isOpen(endpoints.postgresPort()) && Ports.isOpen(endpoints.kafkaPort())
                && Ports.isOpen(endpoints.keycloakPort());
    }

    public String kafkaBootstrapServers() {
        return endpoints.kafkaBootstrapServers();
    }

    /** http://127.0.0.1:8180/realms/guildhall, the issuer of every token. */
    public String issuerUri() {
        return endpoints.issuer();
    }

    public String keycloakUrl() {
        return endpoints.keycloakUrl();
    }

    public String jdbcUrl(String database) {
        return endpoints.jdbcUrl(database);
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + dbHost() + ":" + dbPort() + "/" + database;
    }

    public String dbHost() {
        return Ports.HOST;
    }

    public int dbPort() {
        return endpoints.postgresPort();
    }

    public String dbUsername() {
        return Postgres.USERNAME;
    }

    public String dbPassword() {
        return Postgres.PASSWORD;
    }

    /**
     * Drops the database (ending its sessions) and creates it empty. Name it after the test class,
     * not after a service's dev database, so that tests never wipe a running dev stack's data.
     */
    public String freshDatabase(String name) {
        Postgres.recreateDatabase(dbPort(), name);
        return name;
    }

    /**
     * The GUILDHALL_* settings that point a service at this stack with {@code database} as its own
     * database. A Spring test registers each as a property (the services' configuration resolves them);
     * a Micronaut test returns them from its TestPropertyProvider.
     */
    public Map<String, String> serviceEnvironment(String database) {
        return endpoints.serverEnvironment(Optional.of(database));
    }

    /** A real access token of a demo user (ada, grace, katherine), cached until shortly before it expires. */
    public String accessToken(String username) {
        return tokens.accessToken(username, TokenClient.DEMO_PASSWORD);
    }

    /** The person id of a demo user: the Keycloak user id, i.e. the {@code sub} of their token. */
    public String personId(String username) {
        return subjectOf(accessToken(username));
    }

    /** The {@code sub} claim of an access token (read, not verified: the services verify tokens). */
    public static String subjectOf(String accessToken) {
        return TokenClient.subjectOf(accessToken);
    }

    public String accessToken(String username, String password) {
        return tokens.accessToken(username, password);
    }

    /**
     * A started Kafka broker of the test's own, on free ports with data under .guildhall/tmp/: stop()
     * and start() it to simulate an outage; close() it at the end (also deletes its data).
     */
    public KafkaBroker startPrivateKafka() {
        KafkaBroker broker = KafkaBroker.privateBroker(home.tmp().resolve("kafka-" + UUID.randomUUID()));
        return broker.start();
    }

    /**
     * A packaged service ({@code <module>/target/<module>.jar}) started against this stack and healthy;
     * the gateway's routes point at {@code routes}. The caller stops it.
     */
    public ServiceProcess startService(ServiceSpec service, List<ServiceSpec> routes) {
        return ServiceProcess.of(home, service, endpoints, routes, ServiceProcess.TEST_JVM).start();
    }

    /** Ports and URLs of the servers, e.g. for {@link ServiceProcess#of}. */
    public StackEndpoints endpoints() {
        return endpoints;
    }

    public GuildhallHome home() {
        return home;
    }
}
