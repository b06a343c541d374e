package io.guildhall.gateway.routing;

import io.guildhall.flow.ConcurrencyLimiter;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Route filter {@code ServiceLimit=<service>}: the route's calls go through the service's {@link ConcurrencyLimiter}.
 * Put it before the route's {@code CircuitBreaker}, so that time spent waiting for a slot is not counted against the
 * service. A call that finds the service saturated gets the same 503 problem as a service that is down.
 */
@Component
public class ServiceLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<ServiceLimitGatewayFilterFactory.Config> {

    public static class Config {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private final ServiceLimits limits;

    public ServiceLimitGatewayFilterFactory(ServiceLimits limits) {
        super(Config.class);
        this.limits = limits;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("name");
    }

    @Override
    public GatewayFilter apply(Config config) {
        ConcurrencyLimiter limiter = limits.limiter(config.getName());
        return (exchange, chain) -> limiter.run(Mono.defer(() -> chain.filter(exchange)))
                .onErrorResume(ConcurrencyLimiter.SaturatedException.class,
                        saturated -> ServiceUnavailableController.write(exchange, config.getName(), "saturated"));
    }
}
