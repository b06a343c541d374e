package io.guildhall.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** Setting the scene through the gateway's API with real tokens, so that the browser tests start from known data. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    static HttpResponse<String> call(Platform platform, String method, String path, String token, String json) {
        return call(platform, method, path, token, json, null);
    }

    /** The same, continuing the caller's W3C trace {@code traceparent} (when not null), as a traced client would. */
    static HttpResponse<String> call(Platform platform, String method, String path, String token, String json,
                                     String traceparent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Schedules a one-hour in-person training; returns its id. */
    static String createEvent(Platform platform, String token, String title, Instant startsAt, Integer capacity) {
        HttpResponse<String> created = call(platform, "POST", "/api/events", token, "{\"title\":\"" + title + "\","
                + "\"description\":\"Set up by the browser tests\",\"type\":\"TRAINING\",\"format\":\"IN_PERSON\","
                + "\"location\":\"Room 4\",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"" + startsAt.plusSeconds(3600) + "\""
                + (capacity == null ? "" : ",\"capacity\":" + capacity) + "}");
        if (created.statusCode() != 201) {
            throw new AssertionError("Scheduling " + title + " failed: " + created.statusCode() + " " + created.body());
        }
        return field(created.body(), "id");
    }

    /** Founds a community (its founder becomes its first lead); returns its id. */
    static String foundCommunity(Platform platform, String token, String json) {
        HttpResponse<String> founded = call(platform, "POST", "/api/communities", token, json);
        if (founded.statusCode() != 201) {
            throw new AssertionError("Founding a community failed: " + founded.statusCode() + " " + founded.body());
        }
        return field(founded.body(), "id");
    }

    /**
     * Repeats a call until it answers {@code status}: the other services learn of a new community from Kafka, a
     * moment after community-service has answered. Fails after two minutes with the last answer.
     */
    static HttpResponse<String> eventually(Platform platform, String method, String path, String token, int status) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            last.set(call(platform, method, path, token, null));
            if (last.get().statusCode() != status) {
                throw new AssertionError(method + " " + path + " never answered " + status + "; last: "
                        + last.get().statusCode() + " " + last.get().body());
            }
        });
        return last.get();
    }

    static void rsvp(Platform platform, String token, String eventId) {
        HttpResponse<String> answered = call(platform, "PUT", "/api/events/" + eventId + "/rsvp", token, "{\"status\":\"GOING\"}");
        if (answered.statusCode() != 200) {
            throw new AssertionError("RSVP failed: " + answered.statusCode() + " " + answered.body());
        }
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
