package io.guildhall.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' public APIs as the demo people use them, with their own tokens. The services learn about each
 * other's data through Kafka, a moment later: a call that depends on it (joining a community membership-service has
 * not heard of yet, an event of a community whose leads event-service does not know yet) is repeated for a while.
 */
final class DemoApi {

    /** What the services answer while their replica of another service's data is still catching up. */
    private static final Set<Integer> NOT_YET = Set.of(403, 404);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    record Response(int status, String body) {
        String id() {
            Matcher id = ID.matcher(body);
            if (!id.find()) {
                throw new IllegalStateException("No id in " + body);
            }
            return id.group(1);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Response get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    /** A write that must succeed; retried while the service is still catching up on Kafka. */
    Response write(String method, String url, String token, String json) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            Response response = send(HttpRequest.newBuilder(URI.create(url))
                    .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
                    .header("Content-Type", "application/json"), token);
            if (response.status() / 100 == 2) {
                return response;
            }
            if (!NOT_YET.contains(response.status()) || Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException(method + " " + url + " answered " + response.status() + ": "
                        + response.body());
            }
            pause();
        }
    }

    /** A write that may be refused for a good reason (e.g. the day's contribution limit); empty when refused. */
    Optional<Response> tryWrite(String method, String url, String token, String json) {
        try {
            return Optional.of(write(method, url, token, json));
        } catch (IllegalStateException refused) {
            return Optional.empty();
        }
    }

    private Response send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
