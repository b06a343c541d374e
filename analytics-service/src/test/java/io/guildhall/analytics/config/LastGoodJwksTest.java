package io.guildhall.analytics.config;

import io.micronaut.security.token.jwt.signature.jwks.JwksClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LastGoodJwksTest {

    private static final String URL = "http://127.0.0.1:8180/realms/guildhall/protocol/openid-connect/certs";

    /** A key-set client answering, in turn, what the suppliers give. */
    private static JwksClient answering(Deque<Supplier<Mono<String>>> answers) {
        return (provider, url) -> answers.pop().get();
    }

    @Test
    void while_keycloak_is_away_the_last_key_set_it_served_verifies_tokens() {
        Deque<Supplier<Mono<String>>> answers = new ArrayDeque<>();
        answers.add(() -> Mono.just("{\"keys\":[1]}"));
        answers.add(() -> Mono.error(new ConnectException("Connection refused")));
        answers.add(Mono::empty);
        answers.add(() -> Mono.just("{\"keys\":[2]}"));
        JwksClient client = new LastGoodJwks().remembering(answering(answers));

        assertEquals("{\"keys\":[1]}", Mono.from(client.load("keycloak", URL)).block());
        assertEquals("{\"keys\":[1]}", Mono.from(client.load("keycloak", URL)).block(), "refused");
        assertEquals("{\"keys\":[1]}", Mono.from(client.load("keycloak", URL)).block(), "no answer");
        assertEquals("{\"keys\":[2]}", Mono.from(client.load("keycloak", URL)).block(), "back, rotated");
    }

    @Test
    void before_any_key_set_was_served_a_failure_stays_a_failure() {
        Deque<Supplier<Mono<String>>> answers = new ArrayDeque<>();
        answers.add(() -> Mono.error(new ConnectException("Connection refused")));
        answers.add(Mono::empty);
        JwksClient client = new LastGoodJwks().remembering(answering(answers));

        RuntimeException refused = assertThrows(RuntimeException.class, () -> Mono.from(client.load("keycloak", URL)).block());
        assertInstanceOf(ConnectException.class, refused.getCause());
        assertNull(Mono.from(client.load("keycloak", URL)).block());
    }
}
