package io.guildhall.gateway.portal;

import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.ServiceUnavailableException;
import reactor.core.publisher.Mono;

/**
 * One part of a page that comes from one service: either its data, or the reason it cannot be shown, so a
 * service that is down greys out its section and the rest of the page still works. Templates test
 * {@code section.available} and read {@code section.data}.
 */
public record Section<T>(T data, boolean available, String reason) {

    public static <T> Section<T> of(T data) {
        return new Section<>(data, true, null);
    }

    public static <T> Section<T> unavailable(String reason) {
        return new Section<>(null, false, reason);
    }

    /** The section's data, or its unavailable state when the service is down or refuses the call. */
    public static <T> Mono<Section<T>> guard(Mono<T> data) {
        return data.map(Section::of)
                .onErrorResume(ServiceUnavailableException.class, e -> Mono.just(unavailable("not answering")))
                .onErrorResume(ApiProblemException.class, e -> e.status() == 401 ? Mono.error(e)
                        : Mono.just(unavailable(e.detail() != null ? e.detail() : "refused (" + e.status() + ")")));
    }
}
