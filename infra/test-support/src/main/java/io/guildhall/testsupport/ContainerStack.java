package io.guildhall.testsupport;

import io.guildhall.devstack.Postgres;
import io.guildhall.devstack.StackEndpoints;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The same three servers as containers, for machines with a Docker engine: PostgreSQL 17, Kafka 4.1
 * (KRaft) and Keycloak 26.5 with the very realm file the embedded stack imports. Testcontainers removes
 * them when the test JVM exits. Our build machines have no Docker engine, so there the embedded servers
 * are used; {@code -Dguildhall.test.stack=embedded} (or {@code GUILDHALL_TEST_STACK=embedded}) forces them
 * everywhere.
 */
final class ContainerStack {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.5.6";
    private static final String REALM = "keycloak/guildhall-realm.json";

    private static List<Startable> running = List.of();

    private ContainerStack() {
    }

    /** Whether containers should serve the tests: a Docker engine answers and embedded was not forced. */
    static boolean wanted() {
        String choice = System.getProperty("guildhall.test.stack", System.getenv("GUILDHALL_TEST_STACK"));
        if ("embedded".equalsIgnoreCase(choice)) {
            return false;
        }
        // Asking Testcontainers costs seconds and logs errors where no engine exists: look for a sign first.
        boolean engineHint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!engineHint && !"containers".equalsIgnoreCase(choice)) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static synchronized StackEndpoints start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername(Postgres.USERNAME)
                .withPassword(Postgres.PASSWORD)
                .withDatabaseName("postgres");
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        GenericContainer<?> keycloak = new GenericContainer<>(KEYCLOAK_IMAGE)
                .withExposedPorts(8080)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withCopyToContainer(Transferable.of(realm()), "/opt/keycloak/data/import/guildhall-realm.json")
                .withCommand("start-dev", "--import-realm")
                .waitingFor(Wait.forHttp("/realms/guildhall/.well-known/openid-configuration")
                        .forStatusCode(200).withStartupTimeout(Duration.ofMinutes(4)));
        List<Startable> containers = List.of(postgres, kafka, keycloak);
        containers.parallelStream().forEach(Startable::start);
        running = containers;
        // Docker publishes the ports on the loopback interface too, which is where StackEndpoints points.
        return new StackEndpoints(postgres.getMappedPort(5432), kafka.getMappedPort(9092), keycloak.getMappedPort(8080));
    }

    private static byte[] realm() {
        try (InputStream in = ContainerStack.class.getClassLoader().getResourceAsStream(REALM)) {
            if (in == null) {
                throw new IllegalStateException(REALM + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
