package io.guildhall.helm;

import io.guildhall.devstack.ServiceSpec;
import io.guildhall.devstack.StackEndpoints;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml, read without a Docker engine: the same topology as the dev stack (KRaft Kafka that creates no
 * topic on its own, PostgreSQL with the four databases, Keycloak importing the realm), and the five services from
 * the images the build writes (non-root, read-only root) on the dev stack's ports, each with a health check, given
 * every variable the dev stack gives them that they read, and no GUILDHALL_* variable they do not read; the gateway
 * routes to the services by their compose names.
 */
class DockerComposeTest {

    static final List<ServiceSpec> SERVICES = ServiceSpec.ALL;

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        // SnakeYAML resolves the file's anchors and merge keys (<<: *service) as Compose does.
        return (Map<String, Object>) new Yaml().load(Files.readString(ServiceSources.ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertTrue(services.containsKey(name), "docker-compose.yml has no service " + name + ": " + services.keySet());
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new java.util.TreeMap<>();
        ((Map<String, Object>) service.getOrDefault("environment", Map.of())).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @Test
    void the_engines_are_the_dev_stacks_kraft_kafka_postgres_with_four_databases_and_keycloak_with_the_realm() throws IOException {
        Map<String, String> kafka = environment(service("kafka"));
        assertEquals("broker,controller", kafka.get("KAFKA_PROCESS_ROLES"), "KRaft, no ZooKeeper");
        assertEquals("false", kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), "topics are declared, never auto-created");

        String databases = Files.readString(ServiceSources.ROOT.resolve("infra/docker/create-databases.sql"));
        for (ServiceSpec spec : SERVICES) {
            spec.database().ifPresent(db -> assertTrue(databases.contains("CREATE DATABASE " + db + ";"), db));
        }
        assertTrue(String.valueOf(service("postgres").get("volumes")).contains("create-databases.sql"));

        Map<String, Object> keycloak = service("keycloak");
        assertTrue(String.valueOf(keycloak.get("command")).contains("--import-realm"));
        assertTrue(String.valueOf(keycloak.get("volumes")).contains("infra/keycloak/realm/guildhall-realm.json"));
        for (String engine : List.of("postgres", "kafka", "keycloak")) {
            assertTrue(service(engine).containsKey("healthcheck"), engine + " has a health check");
        }
    }

    @Test
    void each_service_listens_on_its_dev_port_and_its_health_check_asks_its_own_health_endpoint() throws IOException {
        for (ServiceSpec spec : SERVICES) {
            Map<String, Object> service = service(spec.module());
            Map<String, String> env = environment(service);
            String port = String.valueOf(spec.port());
            assertEquals(List.of("127.0.0.1:" + port + ":" + port), service.get("ports"), spec.module());
            assertEquals(port, env.get(spec.module().equals("analytics-service") ? "MICRONAUT_SERVER_PORT" : "SERVER_PORT"), spec.module());
            spec.database().ifPresent(db -> assertEquals(db, env.get("GUILDHALL_DB_NAME"), spec.module()));
            // The images have no shell: the check is an exec of the health probe they carry (ImagesIT runs it).
            List<?> check = (List<?>) ((Map<?, ?>) service.get("healthcheck")).get("test");
            assertEquals("CMD", check.get(0), spec.module() + "'s health check: " + check);
            assertTrue(check.contains("io.guildhall.images.HealthProbe")
                            && check.contains("http://127.0.0.1:" + port + spec.healthPath()),
                    spec.module() + "'s health check: " + check);
        }
    }

    @Test
    void each_service_runs_from_the_image_the_build_writes_as_non_root_on_a_read_only_root() throws IOException {
        for (ServiceSpec spec : SERVICES) {
            Map<String, Object> service = service(spec.module());
            assertTrue(String.valueOf(service.get("image")).startsWith("ghcr.io/guildhall/" + spec.module() + ":"),
                    spec.module() + " runs its own image: " + service.get("image"));
            assertEquals(null, service.get("command"), spec.module() + ": the image's entrypoint starts the service");
            assertEquals(null, service.get("volumes"), spec.module() + ": nothing mounted over the image");
            assertEquals(null, service.get("user"), spec.module() + ": the image's own user, 65532");
            assertEquals(true, service.get("read_only"), spec.module());
            assertEquals(List.of("/tmp"), service.get("tmpfs"), spec.module());
        }
    }

    @Test
    void each_service_gets_what_the_dev_stack_gives_it_and_nothing_it_does_not_read() throws IOException {
        List<String> problems = new ArrayList<>();
        for (ServiceSpec spec : SERVICES) {
            ServiceSources sources = ServiceSources.of(spec.module());
            Set<String> composed = environment(service(spec.module())).keySet();
            Set<String> devStack = new TreeSet<>(StackEndpoints.defaults().environment(spec, SERVICES).keySet());
            for (String name : devStack) {
                if (name.startsWith("GUILDHALL_") && sources.reads(name) && !composed.contains(name)) {
                    problems.add(spec.module() + " misses " + name);
                }
            }
            for (String name : composed) {
                if (name.startsWith("GUILDHALL_") && !sources.reads(name)) {
                    problems.add(spec.module() + " does not read " + name);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void the_gateway_routes_to_the_services_by_their_compose_names_and_ports() throws IOException {
        Map<String, String> env = environment(service("gateway"));
        for (ServiceSpec spec : SERVICES) {
            if (spec != ServiceSpec.GATEWAY) {
                String variable = "GUILDHALL_ROUTE_" + spec.module().replace("-service", "").toUpperCase();
                assertEquals("http://" + spec.module() + ":" + spec.port(), env.get(variable), variable);
            }
        }
        assertEquals("dev", env.get("GUILDHALL_PROFILE"), "the dev realm's secrets are allowed in the dev profile only");
        assertTrue(env.get("GUILDHALL_OIDC_BACKCHANNEL").startsWith("http://keycloak:"),
                "the gateway reaches Keycloak inside the network");
    }
}
