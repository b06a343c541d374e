package io.guildhall.gateway.security;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Whether Keycloak answers, so that a sign-in is not sent to a login page that cannot load. Asks the realm's
 * discovery document at most once every {@link #REMEMBERED} (every request in that window shares the answer), and
 * gives up after {@link #TIMEOUT}: a Keycloak that hangs is as unavailable as one that refuses connections.
 */
@Component
public class SignInAvailability {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final Mono<Boolean> probe;

    public SignInAvailability(OidcClientProperties oidc) {
        WebClient client = WebClient.create();
        String discovery = oidc.backchannel() + "/.well-known/openid-configuration";
        this.probe = client.get().uri(discovery).retrieve().toBodilessEntity()
                .map(response -> response.getStatusCode().is2xxSuccessful())
                .timeout(TIMEOUT)
                .onErrorReturn(false)
                .cache(answer -> REMEMBERED, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** True when Keycloak served its discovery document within the timeout, lately. */
    public Mono<Boolean> available() {
        return probe;
    }
}
