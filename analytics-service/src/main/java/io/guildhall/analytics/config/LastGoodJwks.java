package io.guildhall.analytics.config;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.signature.jwks.JwksClient;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps tokens verifiable while Keycloak is away. Micronaut fetches the realm's signing keys again every minute
 * ({@code cache-expiration}), and a fetch that fails leaves it with no key at all: every token, however valid, is then
 * refused with 401 until Keycloak answers again (and the portal, seeing 401, signs people out). This decorates the
 * key-set client so that a failed or empty fetch answers the last key set Keycloak did serve. A rotated key still
 * arrives within a minute of Keycloak publishing it; a revoked one stays trusted only while Keycloak is unreachable.
 */
@Singleton
public class LastGoodJwks implements BeanCreatedEventListener<JwksClient> {

    private static final Logger LOG = LoggerFactory.getLogger(LastGoodJwks.class);

    private final Map<String, String> lastGood = new ConcurrentHashMap<>();

    @Override
    public JwksClient onCreated(BeanCreatedEvent<JwksClient> event) {
        return remembering(event.getBean());
    }

    JwksClient remembering(JwksClient client) {
        return (provider, url) -> Mono.from(client.load(provider, url))
                .doOnNext(json -> lastGood.put(url, json))
                .onErrorResume(error -> lastGood.containsKey(url) ? stale(url, error.toString()) : Mono.error(error))
                .switchIfEmpty(Mono.defer(() -> lastGood.containsKey(url) ? stale(url, "no answer") : Mono.empty()));
    }

    private Mono<String> stale(String url, String why) {
        LOG.warn("Keycloak's signing keys could not be fetched from {} ({}): verifying tokens with the keys it served last",
                url, why);
        return Mono.just(lastGood.get(url));
    }
}
