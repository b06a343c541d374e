package io.guildhall.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.guildhall.contracts.topics.StrimziKafkaTopics;
import io.guildhall.contracts.topics.TopicDeclaration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engines' example resources (infra/helm/engines) agree with each other, with the chart's defaults and with
 * the repository's declarations: Strimzi's cluster keeps three copies with two in sync and creates no topic on its
 * own, the KafkaTopics are the topic declaration's; CloudNativePG's cluster holds the four databases and creates the
 * Secret the chart names; the realm import is the production realm, its placeholders filled from the Secrets the
 * chart names. {@code -Dguildhall.helm.write=true} rewrites the generated realm import.
 */
class EnginesTest {

    static final Path ENGINES = Path.of("engines");
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path REALM = ROOT.resolve("infra/keycloak/realm/guildhall-realm-production.json");
    static final Path REALM_IMPORT = ENGINES.resolve("keycloak-realm-import.yaml");

    @Test
    void strimzis_cluster_has_three_brokers_three_copies_two_in_sync_and_creates_no_topic_itself() throws IOException {
        List<JsonNode> docs = Rendered.documents(Files.readString(ENGINES.resolve("strimzi-kafka.yaml")));
        JsonNode pool = kind(docs, "KafkaNodePool");
        JsonNode kafka = kind(docs, "Kafka");
        String cluster = kafka.path("metadata").path("name").asText();
        TopicDeclaration.Settings production = TopicDeclaration.Settings.production();

        assertEquals(3, pool.path("spec").path("replicas").asInt());
        assertEquals(Set.of("controller", "broker"), texts(pool.path("spec").path("roles")));
        assertEquals(cluster, pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertEquals(production.replicationFactor(), config.path("default.replication.factor").asInt());
        assertEquals(production.minInsyncReplicas(), config.path("min.insync.replicas").asInt());
        assertEquals(false, config.path("auto.create.topics.enable").asBoolean(true));
        assertTrue(kafka.path("spec").path("entityOperator").has("topicOperator"), "the Topic Operator creates the topics");
        // The chart's default bootstrap address is this cluster's.
        assertEquals(cluster + "-kafka-bootstrap:9092", chartValues().path("kafka").path("bootstrapServers").asText());
        // And the topics are the declaration's, for this cluster.
        assertEquals(StrimziKafkaTopics.render(TopicDeclaration.all(production), cluster),
                Files.readString(ROOT.resolve("infra/strimzi/kafka-topics.yaml")));
    }

    @Test
    void cloudnativepg_holds_the_four_databases_and_makes_the_secret_and_service_the_chart_names() throws IOException {
        List<JsonNode> docs = Rendered.documents(Files.readString(ENGINES.resolve("cloudnativepg-cluster.yaml")));
        JsonNode cluster = kind(docs, "Cluster");
        String name = cluster.path("metadata").path("name").asText();
        Set<String> databases = new TreeSet<>();
        databases.add(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
        for (JsonNode doc : docs) {
            if (doc.path("kind").asText().equals("Database")) {
                assertEquals(name, doc.path("spec").path("cluster").path("name").asText());
                databases.add(doc.path("spec").path("name").asText());
            }
        }
        Set<String> owned = new TreeSet<>();
        chartValues().path("services").forEach(s -> {
            if (!s.path("database").asText().isEmpty()) {
                owned.add(s.path("database").asText());
            }
        });

        assertEquals(owned, databases);
        assertTrue(cluster.path("spec").path("instances").asInt() >= 3, "a primary and two standbys");
        assertEquals(name + "-app", chartValues().path("postgres").path("existingSecret").asText());
        assertEquals(name + "-rw", chartValues().path("postgres").path("host").asText());
        assertTrue(docs.stream().anyMatch(d -> d.path("kind").asText().equals("ScheduledBackup")), "backups are scheduled");
    }

    @Test
    void the_realm_import_is_the_production_realm_with_its_secrets_from_the_charts_secrets() throws IOException {
        String generated = realmImport();
        if (Boolean.getBoolean("guildhall.helm.write")) {
            Files.writeString(REALM_IMPORT, generated);
        }

        assertEquals(generated, Files.readString(REALM_IMPORT),
                "engines/keycloak-realm-import.yaml is out of date: ./mvnw -pl infra/helm test -Dguildhall.helm.write=true");
        JsonNode keycloak = kind(Rendered.documents(Files.readString(ENGINES.resolve("keycloak.yaml"))), "Keycloak");
        JsonNode realmImport = kind(Rendered.documents(generated), "KeycloakRealmImport");
        assertEquals(keycloak.path("metadata").path("name").asText(), realmImport.path("spec").path("keycloakCRName").asText());
        assertEquals(0, realmImport.path("spec").path("realm").path("users").size(), "no demo people in production");
    }

    /** The production realm as a KeycloakRealmImport; each ${PLACEHOLDER} in it comes from the Secret the chart names. */
    static String realmImport() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode values = chartValues();
        // The portal's address is not a secret: it is the chart's ingress host (an installation writes its own).
        String portal = "https://" + values.path("gateway").path("ingress").path("host").asText();
        String realmText = Files.readString(REALM).replace("${GUILDHALL_PORTAL_URL}", portal);
        JsonNode realm = json.readTree(realmText);
        ObjectNode root = json.createObjectNode();
        root.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        root.put("kind", "KeycloakRealmImport");
        root.putObject("metadata").put("name", "guildhall-realm");
        ObjectNode spec = root.putObject("spec");
        spec.put("keycloakCRName", "guildhall-keycloak");
        ObjectNode placeholders = json.createObjectNode();
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(realmText);
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            String secret = switch (m.group(1)) {
                case "GUILDHALL_GATEWAY_CLIENT_SECRET" -> values.path("gateway").path("existingSecret").asText();
                case "GUILDHALL_KEYCLOAK_CLIENT_SECRET" -> values.path("membership").path("existingSecret").asText();
                default -> null;
            };
            if (secret == null) {
                unknown.add(m.group(1));
            } else {
                placeholders.putObject(m.group(1)).putObject("secret").put("name", secret).put("key", "client-secret");
            }
        }
        assertEquals(List.of(), unknown, "placeholders in the production realm with no Secret in the chart");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        return "# Generated from infra/keycloak/realm/guildhall-realm-production.json by EnginesTest: do not edit.\n"
                + "# The portal's address is the chart's gateway.ingress.host (" + portal + "): an installation with another\n"
                + "# host regenerates this file after setting it, or edits the redirect URIs in Keycloak.\n"
                + yaml.writeValueAsString(root);
    }

    static JsonNode chartValues() throws IOException {
        return Rendered.YAML.readTree(Path.of("guildhall", "values.yaml").toFile());
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
