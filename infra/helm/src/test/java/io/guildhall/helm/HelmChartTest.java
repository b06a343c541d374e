package io.guildhall.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.guildhall.contracts.topics.TopicDeclaration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * infra/helm/guildhall: it lints strictly, and renders (with an installation's values) to objects the Kubernetes
 * API accepts field for field, which run the services hardened (non-root, read-only root filesystem, no
 * privilege escalation), probed, sized, autoscaled, protected from voluntary disruption and fenced by network
 * policy; it carries no secret; every variable it sets is one the service reads; its Kafka settings are the
 * production topic declaration's.
 */
class HelmChartTest {

    static final Path CHART = Path.of("guildhall").toAbsolutePath();
    static final String RELEASE = "gh";
    static final String ISSUER = "https://id.example.org/realms/guildhall";
    /** Service key in values.yaml → Maven module. */
    static final Map<String, String> MODULES = Map.of("community", "community-service", "event", "event-service",
            "membership", "membership-service", "analytics", "analytics-service", "gateway", "gateway");

    static TemplateCommand template() {
        return new Helm(CHART).template().withName(RELEASE).withNamespace("guildhall");
    }

    static Rendered render(Map<String, Object> values) {
        TemplateCommand command = template().set("keycloak.issuer", ISSUER);
        values.forEach(command::set);
        return Rendered.of(command.call());
    }

    @Test
    void the_chart_lints_strictly_with_an_installations_values() throws IOException {
        // helm lint reads the chart's own values; the issuer has no default, so lint a copy that names one.
        Path copy = Files.createDirectories(Path.of("target", "lint")).resolve("guildhall");
        copyTree(CHART, copy);
        ObjectNode values = (ObjectNode) Rendered.YAML.readTree(copy.resolve("values.yaml").toFile());
        ((ObjectNode) values.get("keycloak")).put("issuer", ISSUER);
        Rendered.YAML.writeValue(copy.resolve("values.yaml").toFile(), values);

        LintResult lint = new Helm(copy).lint().strict().call();

        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void without_the_issuer_nothing_renders_and_the_message_names_the_value() {
        Exception refused = assertThrows(Exception.class, () -> template().call());

        assertTrue(refused.getMessage().contains("keycloak.issuer"), refused.getMessage());
    }

    @Test
    void each_service_is_a_hardened_probed_sized_deployment_with_its_service_autoscaler_budget_and_policy() {
        Rendered rendered = render(Map.of());

        assertEquals(5, rendered.all(Deployment.class).size());
        for (String service : MODULES.keySet()) {
            String name = RELEASE + "-" + service;
            Deployment deployment = rendered.one(Deployment.class, name);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            assertEquals("ghcr.io/guildhall/" + MODULES.get(service) + ":0.1.0", container.getImage(), name);
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name);
            assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), name);
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation(), name);
            assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop(), name);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name);
            assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), name + ": a writable /tmp");
            String health = service.equals("analytics") ? "/health" : "/actuator/health";
            assertEquals(health + "/readiness", container.getReadinessProbe().getHttpGet().getPath(), name);
            assertEquals(health + "/liveness", container.getLivenessProbe().getHttpGet().getPath(), name);
            assertNotNull(container.getStartupProbe(), name);
            String portVariable = service.equals("analytics") ? "MICRONAUT_SERVER_PORT" : "SERVER_PORT";
            assertEquals(String.valueOf(container.getPorts().get(0).getContainerPort()), env(deployment, portVariable).getValue(), name);
            assertNotNull(container.getResources().getRequests().get("cpu"), name);
            assertNotNull(container.getResources().getRequests().get("memory"), name);
            assertNotNull(container.getResources().getLimits().get("memory"), name);
            // The autoscaler owns the replica count.
            assertEquals(null, deployment.getSpec().getReplicas(), name);

            HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class, name);
            assertEquals(name, hpa.getSpec().getScaleTargetRef().getName());
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, name + ": two at least, so one can go");
            assertEquals(1, rendered.one(PodDisruptionBudget.class, name).getSpec().getMaxUnavailable().getIntVal(), name);
            Service svc = rendered.one(Service.class, name);
            assertEquals(deployment.getSpec().getSelector().getMatchLabels(), svc.getSpec().getSelector(), name);
            NetworkPolicy policy = rendered.one(NetworkPolicy.class, name);
            assertEquals(deployment.getSpec().getSelector().getMatchLabels(), policy.getSpec().getPodSelector().getMatchLabels());
            if (!service.equals("gateway")) {
                assertEquals(Map.of("app.kubernetes.io/name", "gateway", "app.kubernetes.io/instance", RELEASE),
                        policy.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels(),
                        name + " takes calls from the gateway only");
            }
        }
        assertTrue(rendered.all(Ingress.class).isEmpty(), "the ingress is the installation's choice");
    }

    @Test
    void no_secret_is_rendered_and_credentials_come_from_the_installations_secrets() {
        Rendered rendered = render(Map.of("postgres.existingSecret", "db-creds"));

        assertTrue(rendered.objects.stream().noneMatch(o -> o.getKind().equals("Secret")));
        ConfigMap config = rendered.one(ConfigMap.class, RELEASE + "-guildhall");
        for (String value : config.getData().values()) {
            assertFalse(value.contains("secret") || value.equals("postgres"), "a development value in the configuration: " + value);
        }
        assertEquals("production", config.getData().get("GUILDHALL_PROFILE"));
        for (Deployment deployment : rendered.all(Deployment.class)) {
            for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (env.getName().endsWith("PASSWORD") || env.getName().endsWith("SECRET")) {
                    assertEquals(null, env.getValue(), env.getName() + " must come from a Secret");
                    assertNotNull(env.getValueFrom().getSecretKeyRef(), env.getName());
                }
            }
        }
        EnvVar password = env(rendered.one(Deployment.class, RELEASE + "-event"), "GUILDHALL_DB_PASSWORD");
        assertEquals("db-creds", password.getValueFrom().getSecretKeyRef().getName());
    }

    @Test
    void the_gateway_routes_to_the_releases_services_and_the_ingress_when_asked() {
        Rendered rendered = render(Map.of("gateway.ingress.enabled", "true", "gateway.ingress.host", "guildhall.acme.test",
                "gateway.ingress.tlsSecret", "guildhall-tls"));

        Deployment gateway = rendered.one(Deployment.class, RELEASE + "-gateway");
        assertEquals("http://gh-event:8082", env(gateway, "GUILDHALL_ROUTE_EVENT").getValue());
        assertEquals("http://gh-analytics:8084", env(gateway, "GUILDHALL_ROUTE_ANALYTICS").getValue());
        Ingress ingress = rendered.one(Ingress.class, RELEASE + "-gateway");
        assertEquals("guildhall.acme.test", ingress.getSpec().getRules().get(0).getHost());
        assertEquals("guildhall-tls", ingress.getSpec().getTls().get(0).getSecretName());
    }

    @Test
    void every_variable_the_chart_sets_is_one_the_service_reads() {
        Rendered rendered = render(Map.of("keycloak.backchannel", "http://keycloak:8080/realms/guildhall"));
        Map<String, String> config = rendered.one(ConfigMap.class, RELEASE + "-guildhall").getData();
        List<String> unread = new ArrayList<>();
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            Deployment deployment = rendered.one(Deployment.class, RELEASE + "-" + module.getKey());
            Set<String> names = new java.util.TreeSet<>(config.keySet());
            deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> names.add(e.getName()));
            ServiceSources sources = ServiceSources.of(module.getValue());
            for (String name : names) {
                if (name.startsWith("GUILDHALL_") && !sources.reads(name)) {
                    unread.add(module.getValue() + ": " + name);
                }
            }
        }
        // The shared configuration goes to every service; a variable only some read is harmless to the others,
        // but one that no service reads is a typo.
        List<String> readByNone = unread.stream().map(u -> u.substring(u.indexOf(": ") + 2)).distinct()
                .filter(name -> unread.stream().filter(u -> u.endsWith(": " + name)).count() == MODULES.size()).toList();
        assertEquals(List.of(), readByNone, "variables no service reads");
        List<String> ownUnread = unread.stream().filter(u -> !config.containsKey(u.substring(u.indexOf(": ") + 2))).toList();
        assertEquals(List.of(), ownUnread, "variables set for one service that it does not read");
    }

    @Test
    void with_a_backchannel_the_pods_fetch_keys_and_tokens_inside_the_cluster() {
        Map<String, String> config = render(Map.of("keycloak.backchannel", "http://keycloak:8080/realms/guildhall"))
                .one(ConfigMap.class, RELEASE + "-guildhall").getData();

        assertEquals(ISSUER, config.get("GUILDHALL_ISSUER"));
        assertEquals("http://keycloak:8080/realms/guildhall", config.get("GUILDHALL_OIDC_BACKCHANNEL"));
        assertEquals("http://keycloak:8080/realms/guildhall/protocol/openid-connect/certs", config.get("GUILDHALL_JWK_SET_URI"));
        assertFalse(render(Map.of()).one(ConfigMap.class, RELEASE + "-guildhall").getData().containsKey("GUILDHALL_JWK_SET_URI"));
    }

    @Test
    void the_locations_zones_reach_every_service_when_set() {
        assertFalse(render(Map.of()).one(ConfigMap.class, RELEASE + "-guildhall").getData()
                .containsKey("GUILDHALL_LOCATION_ZONES"));
        Map<String, String> config = render(Map.of("locationZones", "Berlin=Europe/Berlin,New York=America/New_York"))
                .one(ConfigMap.class, RELEASE + "-guildhall").getData();
        assertEquals("Berlin=Europe/Berlin,New York=America/New_York", config.get("GUILDHALL_LOCATION_ZONES"));
    }

    @Test
    void json_logs_by_default_and_traces_leave_only_for_a_named_collector() {
        Map<String, String> plain = render(Map.of()).one(ConfigMap.class, RELEASE + "-guildhall").getData();
        assertEquals("ecs", plain.get("LOGGING_STRUCTURED_FORMAT_CONSOLE"));
        assertEquals("1.0", plain.get("GUILDHALL_TRACE_SAMPLING"));
        assertFalse(plain.containsKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"));

        Map<String, String> traced = render(Map.of("observability.otlpTracesEndpoint", "http://otel:4318/v1/traces",
                "observability.traceSampling", "0.25", "observability.jsonLogs", "false"))
                .one(ConfigMap.class, RELEASE + "-guildhall").getData();
        assertEquals("http://otel:4318/v1/traces", traced.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"));
        assertEquals("0.25", traced.get("GUILDHALL_TRACE_SAMPLING"));
        assertFalse(traced.containsKey("LOGGING_STRUCTURED_FORMAT_CONSOLE"));
    }

    @Test
    void the_kafka_settings_are_the_production_topic_declarations() {
        Map<String, String> config = render(Map.of()).one(ConfigMap.class, RELEASE + "-guildhall").getData();
        TopicDeclaration.Settings production = TopicDeclaration.Settings.production();

        assertEquals(String.valueOf(production.partitions()), config.get("GUILDHALL_KAFKA_PARTITIONS"));
        assertEquals(String.valueOf(production.replicationFactor()), config.get("GUILDHALL_KAFKA_REPLICATION_FACTOR"));
        assertEquals(String.valueOf(production.minInsyncReplicas()), config.get("GUILDHALL_KAFKA_MIN_INSYNC_REPLICAS"));
    }

    private static EnvVar env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no " + name));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
