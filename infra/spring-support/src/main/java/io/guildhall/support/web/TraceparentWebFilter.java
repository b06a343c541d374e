package io.guildhall.support.web;

import io.guildhall.support.messaging.Traceparent;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Hands the request's trace to the outbox through the Reactor context, so that the events a request causes carry
 * it, and echoes it in the response. With tracing on (Micrometer Tracing over OpenTelemetry, the services'
 * default) that is the span of this request's server observation, itself the child of the caller's
 * {@code traceparent} (the gateway's); without it, the caller's traceparent or a new one.
 */
public class TraceparentWebFilter implements WebFilter, Ordered {

    public static final String HEADER = Traceparent.HEADER;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent = serverSpan(exchange)
                .orElseGet(() -> Traceparent.continueOrStart(exchange.getRequest().getHeaders().getFirst(HEADER)));
        exchange.getResponse().getHeaders().set(HEADER, traceparent);
        return chain.filter(exchange).contextWrite(context -> context.put(Traceparent.CONTEXT_KEY, traceparent));
    }

    /** The span Spring's server observation opened for this request, when a tracer handles observations. */
    static Optional<String> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> Traceparent.of(span.context().traceId(), span.context().spanId(),
                        !Boolean.FALSE.equals(span.context().sampled())));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
