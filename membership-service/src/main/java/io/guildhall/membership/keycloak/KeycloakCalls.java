package io.guildhall.membership.keycloak;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/** Runs the blocking admin client off the event loop. */
@Component
public class KeycloakCalls {

    public <T> Mono<T> call(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Void> run(Runnable call) {
        return Mono.fromRunnable(call).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
