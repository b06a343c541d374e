package io.guildhall.benchmarks.burst;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Real people for a burst: users {@code bench-00001}… in the guildhall realm, created through Keycloak's admin API
 * (kept between runs; {@code ./guildhall reset} removes them), each with a real access token from the password grant.
 * The password is stored pre-hashed (PBKDF2, few iterations) so that creating thousands of users does not cost
 * thousands of full hashes; Keycloak re-hashes it with the realm's policy at the first sign-in, as it would for users
 * imported from another system.
 */
public final class BenchUsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "bench-password";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;

    public BenchUsers(String keycloakUrl) {
        this.keycloak = keycloakUrl.endsWith("/") ? keycloakUrl.substring(0, keycloakUrl.length() - 1) : keycloakUrl;
    }

    static String username(int i) {
        return "bench-%05d".formatted(i);
    }

    /** Makes sure users 1..n exist; returns how many were created now. */
    public int ensure(int n) throws Exception {
        String employee = get("/admin/realms/guildhall/roles/employee", admin());
        int existing = JSON.readTree(get("/admin/realms/guildhall/users/count?username=bench-", admin())).asInt();
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                int index = i;
                if (existing >= n) {
                    break;
                }
                work.add(pool.submit(() -> {
                    if (create(index, admin(), employee)) {
                        created.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return created.get();
    }

    private String adminToken;
    private long adminTokenAt;

    /** The master realm's admin token lives 60 s: fetch a new one every 30 s. */
    private synchronized String admin() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > 30_000_000_000L) {
            adminToken = token("master", "admin-cli", "admin", "admin");
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    /** Access tokens of users 1..n, fetched in parallel; the sub of each is the person id the services see. */
    public List<String> tokens(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> work = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String user = username(i);
                work.add(pool.submit(() -> token("guildhall", "guildhall-cli", user, PASSWORD)));
            }
            List<String> tokens = new ArrayList<>(n);
            for (Future<String> f : work) {
                tokens.add(f.get());
            }
            return tokens;
        } finally {
            pool.shutdown();
        }
    }

    private boolean create(int i, String adminToken, String employeeRole) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 1000;
        KeySpec spec = new PBEKeySpec(PASSWORD.toCharArray(), salt, iterations, 512);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        String user = username(i);
        Map<String, Object> body = Map.of(
                "username", user, "enabled", true, "emailVerified", true,
                "firstName", "Bench", "lastName", "Person " + i, "email", user + "@bench.guildhall.example",
                "credentials", List.of(Map.of("type", "password",
                        "secretData", JSON.writeValueAsString(Map.of("value", Base64.getEncoder().encodeToString(hash),
                                "salt", Base64.getEncoder().encodeToString(salt), "additionalParameters", Map.of())),
                        "credentialData", JSON.writeValueAsString(Map.of("hashIterations", iterations,
                                "algorithm", "pbkdf2-sha256", "additionalParameters", Map.of())))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/guildhall/users"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        String id;
        if (response.statusCode() == 201) {
            String location = response.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
        } else if (response.statusCode() == 409) {
            id = JSON.readTree(get("/admin/realms/guildhall/users?exact=true&username=" + user, adminToken)).get(0).get("id").asString();
        } else {
            throw new IllegalStateException("Creating " + user + ": HTTP " + response.statusCode() + " " + response.body());
        }
        // Every employee holds the realm role employee; the admin API takes role mappings separately.
        HttpResponse<String> role = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/guildhall/users/"
                        + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + employeeRole + "]")).build(), HttpResponse.BodyHandlers.ofString());
        if (role.statusCode() / 100 != 2) {
            throw new IllegalStateException("Role for " + user + ": HTTP " + role.statusCode() + " " + role.body());
        }
        return response.statusCode() == 201;
    }

    private String get(String path, String bearer) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String token(String realm, String client, String user, String password) {
        String form = "grant_type=password&client_id=" + client + "&username=" + enc(user) + "&password=" + enc(password);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token for " + user + ": HTTP " + response.statusCode() + " " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
