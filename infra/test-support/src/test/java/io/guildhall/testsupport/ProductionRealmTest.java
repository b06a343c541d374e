package io.guildhall.testsupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm an installation imports ({@code infra/keycloak/realm/guildhall-realm-production.json}) against the dev
 * realm it is derived from: the same roles, clients and token mappers, but brute-force protection on, no password
 * grant, no demo people, and every secret and address an environment placeholder. Then the real Keycloak of the
 * tests imports it and refuses a password grant.
 */
class ProductionRealmTest {

    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_production_realm_is_the_dev_realm_without_its_development_conveniences() throws IOException {
        JsonNode dev = realm("keycloak/guildhall-realm.json");
        JsonNode production = realm("keycloak/guildhall-realm-production.json");
        assertEquals(dev.get("realm").asString(), production.get("realm").asString(), "the services' issuer path");
        assertTrue(production.get("bruteForceProtected").asBoolean(), "brute-force protection is on");
        assertTrue(production.get("failureFactor").asInt() > 0);
        assertEquals(0, production.path("users").size(), "no demo people");
        // The dev realm hashes the demo password cheaply (a sign-in is 3 times faster, the demo's 300 people load
        // in a third of the time); production keeps Keycloak's own hashing (argon2).
        assertTrue(dev.path("passwordPolicy").asString("").contains("hashIterations(1000)"));
        assertFalse(production.has("passwordPolicy"), "production keeps Keycloak's default password hashing");
        assertEquals(roles(dev), roles(production), "the same realm roles");
        for (JsonNode client : production.get("clients")) {
            String id = client.get("clientId").asString();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + " allows the password grant");
            if (client.has("secret")) {
                assertTrue(client.get("secret").asString().matches("\\$\\{GUILDHALL_[A-Z_]+}"),
                        id + "'s secret is an environment placeholder, not a value: " + client.get("secret"));
            }
            JsonNode twin = client(dev, id);
            assertEquals(mappers(twin), mappers(client), id + " issues the same token claims as in dev");
        }
        List<String> devClients = new ArrayList<>();
        dev.get("clients").forEach(c -> devClients.add(c.get("clientId").asString()));
        devClients.remove("guildhall-cli");
        List<String> productionClients = new ArrayList<>();
        production.get("clients").forEach(c -> productionClients.add(c.get("clientId").asString()));
        assertEquals(devClients, productionClients, "every client but the password-grant one");
        String text = production.toString();
        assertFalse(text.contains("localhost") || text.contains("127.0.0.1"), "no development address");
    }

    @Test
    void keycloak_imports_it_and_refuses_the_password_grant() throws Exception {
        GuildhallStack stack = GuildhallStack.shared();
        String name = "guildhall-production-check-" + UUID.randomUUID().toString().substring(0, 8);
        String text = new String(resource("keycloak/guildhall-realm-production.json"), StandardCharsets.UTF_8)
                .replace("${GUILDHALL_GATEWAY_CLIENT_SECRET}", "gateway-" + UUID.randomUUID())
                .replace("${GUILDHALL_KEYCLOAK_CLIENT_SECRET}", "membership-" + UUID.randomUUID())
                .replace("${GUILDHALL_PORTAL_URL}", "https://guildhall.example.org");
        ObjectNode realm = (ObjectNode) JSON.readTree(text);
        realm.put("realm", name);
        String admin = adminToken(stack.keycloakUrl());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realm.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        try {
            JsonNode imported = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                            + "/admin/realms/" + name)).header("Authorization", "Bearer " + admin).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(imported.get("bruteForceProtected").asBoolean(), imported.toString());

            HttpResponse<String> cli = token(stack.keycloakUrl(), name, "client_id=guildhall-cli&username=ada&password=demo");
            assertTrue(cli.statusCode() == 400 || cli.statusCode() == 401, cli.body());
            assertTrue(cli.body().contains("invalid_client"), "no password-grant client: " + cli.body());
            HttpResponse<String> gateway = token(stack.keycloakUrl(), name,
                    "client_id=guildhall-gateway&client_secret=" + URLEncoder.encode(realm.get("clients").get(0)
                            .get("secret").asString(), StandardCharsets.UTF_8) + "&username=ada&password=demo");
            assertTrue(gateway.body().contains("unauthorized_client"), "the portal's client signs in by code only: "
                    + gateway.body());
        } finally {
            http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/" + name))
                    .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private HttpResponse<String> token(String keycloak, String realm, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&" + form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String adminToken(String keycloak) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + io.guildhall.devstack.Keycloak.ADMIN_USERNAME + "&password=" + io.guildhall.devstack.Keycloak.ADMIN_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static Set<String> roles(JsonNode realm) {
        Set<String> names = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> names.add(role.get("name").asString()));
        return names;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("The dev realm has no client " + clientId);
    }

    private static Set<String> mappers(JsonNode client) {
        Set<String> mappers = new TreeSet<>();
        client.path("protocolMappers").forEach(m -> mappers.add(m.get("name").asString() + "=" + m.get("config")));
        return mappers;
    }

    private static JsonNode realm(String resource) throws IOException {
        return JSON.readTree(resource(resource));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ProductionRealmTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the classpath (guildhall-keycloak-realm)");
            }
            return in.readAllBytes();
        }
    }
}
