package io.guildhall.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * People registered in the guildhall realm through Keycloak's admin API, as an organisation's identity process
 * would: many at once in one partial import that leaves existing users alone (so registering twice changes
 * nothing). The password is stored pre-hashed (PBKDF2-SHA256, few iterations), as for users imported from another
 * system, so that registering thousands does not cost thousands of full hashes; Keycloak re-hashes it with the
 * realm's policy at each person's first sign-in. For the demo organisation and the benchmarks' people, never for
 * production.
 */
public final class KeycloakUsers {

    /** Someone to register: the directory attributes (department, level, …) and realm roles the realm expects. */
    public record User(String username, String firstName, String lastName, String email, Map<String, String> attributes,
                       List<String> realmRoles) {
    }

    /** What one registration did. */
    public record Registered(int added, int skipped) {
    }

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ADDED = Pattern.compile("\"added\"\\s*:\\s*(\\d+)");
    private static final Pattern SKIPPED = Pattern.compile("\"skipped\"\\s*:\\s*(\\d+)");
    private static final int ITERATIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private final String realm;

    /** {@code keycloakUrl}: Keycloak's base URL (http://127.0.0.1:8180), where the master realm's admin signs in. */
    public KeycloakUsers(String keycloakUrl, String realm) {
        this.keycloak = keycloakUrl.endsWith("/") ? keycloakUrl.substring(0, keycloakUrl.length() - 1) : keycloakUrl;
        this.realm = realm;
    }

    /** Registers those of {@code users} that the realm does not hold yet, all with {@code password}. */
    public Registered register(List<User> users, String password) {
        StringBuilder json = new StringBuilder("{\"ifResourceExists\":\"SKIP\",\"users\":[");
        for (int i = 0; i < users.size(); i++) {
            json.append(i == 0 ? "" : ",").append(userJson(users.get(i), password));
        }
        json.append("]}");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + realm
                        + "/partialImport"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Registering " + users.size() + " people in Keycloak: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return new Registered(number(ADDED, response.body()), number(SKIPPED, response.body()));
    }

    static String userJson(User user, String password) {
        StringBuilder json = new StringBuilder("{");
        field(json, "username", user.username()).append(',');
        json.append("\"enabled\":true,\"emailVerified\":true,");
        field(json, "firstName", user.firstName()).append(',');
        field(json, "lastName", user.lastName()).append(',');
        field(json, "email", user.email()).append(",\"attributes\":{");
        int n = 0;
        for (Map.Entry<String, String> attribute : user.attributes().entrySet()) {
            quote(json.append(n++ == 0 ? "" : ","), attribute.getKey()).append(":[");
            quote(json, attribute.getValue()).append(']');
        }
        json.append("},\"realmRoles\":[");
        for (int i = 0; i < user.realmRoles().size(); i++) {
            quote(json.append(i == 0 ? "" : ","), user.realmRoles().get(i));
        }
        json.append("],\"credentials\":[").append(passwordCredential(password)).append("]}");
        return json.toString();
    }

    /** A password credential as Keycloak stores it: PBKDF2-SHA256 with a random salt, 512-bit key. */
    static String passwordCredential(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash;
        try {
            hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 512)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String secret = "{\"value\":\"" + Base64.getEncoder().encodeToString(hash) + "\",\"salt\":\""
                + Base64.getEncoder().encodeToString(salt) + "\",\"additionalParameters\":{}}";
        String data = "{\"hashIterations\":" + ITERATIONS + ",\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}";
        StringBuilder json = new StringBuilder("{\"type\":\"password\",");
        field(json, "secretData", secret).append(',');
        return field(json, "credentialData", data).append('}').toString();
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(Keycloak.ADMIN_USERNAME)
                + "&password=" + enc(Keycloak.ADMIN_PASSWORD);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak's admin sign-in: HTTP " + response.statusCode());
        }
        return token.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloak + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static int number(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return quote(quote(json, name).append(':'), value);
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
