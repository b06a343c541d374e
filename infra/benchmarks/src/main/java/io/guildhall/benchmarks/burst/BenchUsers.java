package io.guildhall.benchmarks.burst;

import io.guildhall.devstack.KeycloakUsers;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Real people for a burst: users {@code bench-00001}… in the guildhall realm, registered through Keycloak's admin API
 * ({@link KeycloakUsers}: one partial import, passwords pre-hashed; kept between runs, {@code ./guildhall reset}
 * removes them), each with a real access token from the password grant.
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
    public int ensure(int n) {
        List<KeycloakUsers.User> users = IntStream.rangeClosed(1, n).mapToObj(i -> new KeycloakUsers.User(username(i),
                        "Bench", "Person " + i, username(i) + "@bench.guildhall.example", Map.of(),
                        List.of("default-roles-guildhall", "employee")))
                .toList();
        return new KeycloakUsers(keycloak, "guildhall").register(users, PASSWORD).added();
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
