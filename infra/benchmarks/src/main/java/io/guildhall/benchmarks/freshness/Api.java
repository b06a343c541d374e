package io.guildhall.benchmarks.freshness;

import io.guildhall.testsupport.GuildhallStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON calls to one service as a demo user, with real Keycloak tokens; anything but a 2xx answer is an error. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final GuildhallStack stack;
    private final String baseUrl;

    Api(GuildhallStack stack, String baseUrl) {
        this.stack = stack;
        this.baseUrl = baseUrl;
    }

    JsonNode call(String method, String path, String user, String json) {
        HttpResponse<String> response = send(method, path, user, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + baseUrl + path + " as " + user + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + stack.accessToken(user))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
