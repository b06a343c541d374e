package io.guildhall.gateway.portal;

import io.guildhall.testsupport.GuildhallStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the portal ITs share, kept apart from the IT classes: referring to another IT class would run its static
 * initialiser, which starts that class's services and never stops them.
 */
final class Await {

    private Await() {
    }

    /** Repeats {@code action} until {@code done}; a fresh consumer group first catches up on every topic. */
    static String eventually(Supplier<String> action, Predicate<String> done) {
        AtomicReference<String> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            last.set(action.get());
            assertThat(done.test(last.get())).as(last.get()).isTrue();
        });
        return last.get();
    }

    /** A call straight to a service with a demo user's real token. */
    static HttpResponse<String> api(GuildhallStack stack, String method, String url, String user, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + stack.accessToken(user)).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
