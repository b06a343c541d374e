package io.guildhall.support.messaging;

import reactor.core.publisher.Mono;

/**
 * Applies one consumed event. It runs inside the transaction that first recorded the event as
 * processed, so its writes and that record commit together. Event types a handler does not care about
 * are simply ignored ({@code Mono.empty()}).
 */
@FunctionalInterface
public interface EventHandler {
    Mono<Void> handle(ReceivedEvent event);
}
