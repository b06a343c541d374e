package io.guildhall.gateway.portal.api;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import io.guildhall.gateway.routing.ServiceLimits;
import io.guildhall.gateway.security.SessionTokens;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The portal's client for the services: the same base URLs as the API routes ({@code GUILDHALL_ROUTE_*}), the
 * signed-in person's access token on every call, and a short response timeout so a slow service shows its
 * "unavailable" state instead of holding the page.
 */
@Configuration
public class ApiClientConfiguration {

    @Bean
    ApiClient apiClient(ReactiveOAuth2AuthorizedClientManager authorizedClients,
                        ReactiveCircuitBreakerFactory<?, ?> breakers, ServiceLimits limits, JsonMapper json,
                        @Value("${GUILDHALL_ROUTE_COMMUNITY:http://127.0.0.1:8081}") String community,
                        @Value("${GUILDHALL_ROUTE_EVENT:http://127.0.0.1:8082}") String event,
                        @Value("${GUILDHALL_ROUTE_MEMBERSHIP:http://127.0.0.1:8083}") String membership,
                        @Value("${GUILDHALL_ROUTE_ANALYTICS:http://127.0.0.1:8084}") String analytics,
                        @Value("${guildhall.portal.response-timeout:5s}") Duration responseTimeout) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction token =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(SessionTokens.guarded(authorizedClients));
        // The signed-in person's client, found from the request's security context and session.
        token.setDefaultOAuth2AuthorizedClient(true);
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(responseTimeout);
        // Boot 4 moved the WebClient.Builder bean to another starter; the portal needs none of its customisers.
        WebClient base = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).filter(token).build();
        Map<Service, WebClient> clients = new EnumMap<>(Service.class);
        clients.put(Service.COMMUNITY, base.mutate().baseUrl(community).build());
        clients.put(Service.EVENT, base.mutate().baseUrl(event).build());
        clients.put(Service.MEMBERSHIP, base.mutate().baseUrl(membership).build());
        clients.put(Service.ANALYTICS, base.mutate().baseUrl(analytics).build());
        return new ApiClient(clients, breakers, limits, json);
    }
}
