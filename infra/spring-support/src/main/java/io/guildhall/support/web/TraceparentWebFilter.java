package io.guildhall.support.web;

import io.guildhall.support.messaging.Traceparent;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Continues the caller's W3C trace (or starts one), echoes it in the response and hands it to the
 * outbox through the Reactor context, so events carry the traceparent of the request that caused them.
 */
public class TraceparentWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "traceparent";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent = Traceparent.continueOrStart(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getResponse().getHeaders().set(HEADER, traceparent);
        return chain.filter(exchange).contextWrite(context -> context.put(Traceparent.CONTEXT_KEY, traceparent));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
