package io.guildhall.testsupport.spring;

import io.guildhall.testsupport.GuildhallStack;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Locale;

/**
 * The base of every integration test of a Spring service (community, event, membership): the service on a random
 * port against the shared dev stack (real PostgreSQL, Kafka and Keycloak), on one fresh database per module, with
 * one application context that Spring's context cache shares between the module's test classes. Each service's own
 * base adds its helpers (founding a community, scheduling an event, …).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceIT {

    protected static final GuildhallStack stack = GuildhallStack.shared();
    /** The module's database: {@code guildhall.it.database} (its artifact id, set by the Spring parent's failsafe). */
    protected static final String DATABASE = stack.freshDatabase(
            System.getProperty("guildhall.it.database", "service").replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT)
                    + "_it");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        stack.serviceEnvironment(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected DatabaseClient db;

    /** A client of the service under test, through its real HTTP port and security. */
    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A real access token of a demo user (ada, grace, katherine, dennis, sophie…). */
    protected static String token(String user) {
        return stack.accessToken(user);
    }

    /** The person id of a demo user: their Keycloak subject, read from their token. */
    protected static String personId(String user) {
        return stack.personId(user);
    }

    /** {@code sql} is a count with one parameter, {@code :id}. */
    protected long count(String sql, Object id) {
        return db.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block();
    }
}
