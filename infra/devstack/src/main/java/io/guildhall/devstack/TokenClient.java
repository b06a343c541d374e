package io.guildhall.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens from Keycloak by password grant on the public dev client guildhall-cli (dev realm only), cached
 * until shortly before they expire: for the tests and for loading the demo data.
 */
public final class TokenClient {

    public static final String CLIENT_ID = "guildhall-cli";
    public static final String DEMO_PASSWORD = "demo";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private record Token(String value, Instant renewAt) {
    }

    private final String tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    public TokenClient(String issuer) {
        this.tokenEndpoint = issuer + "/protocol/openid-connect/token";
    }

    public String accessToken(String username, String password) {
        String key = username + '\u0000' + password;
        Token cached = cache.get(key);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.value();
        }
        Token fresh = request(username, password);
        cache.put(key, fresh);
        return fresh.value();
    }

    private Token request(String username, String password) {
        String form = "grant_type=password&client_id=" + CLIENT_ID + "&scope=openid"
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            Matcher expiresIn = EXPIRES_IN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find() || !expiresIn.find()) {
                throw new IllegalStateException("No token for " + username + " from " + tokenEndpoint + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            Instant expiry = sent.plusSeconds(Long.parseLong(expiresIn.group(1)));
            return new Token(token.group(1), expiry.minus(RENEW_BEFORE_EXPIRY));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak token endpoint " + tokenEndpoint + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while getting a token for " + username, e);
        }
    }

    /** The {@code sub} claim of an access token (read, not verified: the services verify tokens). */
    public static String subjectOf(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT");
        }
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Matcher sub = SUBJECT.matcher(payload);
        if (!sub.find()) {
            throw new IllegalArgumentException("The token has no sub claim");
        }
        return sub.group(1);
    }
}
