package io.guildhall.gateway.portal.api;

import io.guildhall.flow.ConcurrencyLimiter;
import io.guildhall.gateway.routing.ServiceLimits;
import io.guildhall.gateway.security.SignInUnavailableException;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The portal's calls to the services, made on the server with the signed-in person's access token (the same
 * token the API routes relay; refreshed when it expires). JSON comes back as maps and lists, which templates
 * read directly ({@code ${community.name}}).
 *
 * <p>A 4xx answer becomes {@link ApiProblemException} (its problem detail, field by field); no answer in time,
 * a refused connection, a 5xx or an open circuit breaker becomes {@link ServiceUnavailableException}. Each
 * service has one circuit breaker and one queue ({@link ServiceLimits}), shared with its API routes: a 4xx is the
 * caller's fault and does not count.
 */
public class ApiClient {

    private final Map<Service, WebClient> clients;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;
    private final ServiceLimits limits;
    private final JsonMapper json;

    public ApiClient(Map<Service, WebClient> clients, ReactiveCircuitBreakerFactory<?, ?> breakers, ServiceLimits limits,
                     JsonMapper json) {
        this.clients = new EnumMap<>(clients);
        this.breakers = breakers;
        this.limits = limits;
        this.json = json;
    }

    /** GET of a JSON object; {@code path} may hold {@code {placeholders}} filled from {@code variables}. */
    @SuppressWarnings("unchecked")
    public Mono<Map<String, Object>> object(Service service, String path, Object... variables) {
        return call(service, HttpMethod.GET, builder -> builder.path(path).build(variables), null, Map.of())
                .map(response -> response.body() instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }

    /**
     * GET of a JSON object read as the page's own view of it ({@code type}, a record naming the fields the page shows;
     * fields the service adds later are ignored, so a page does not break when an API grows).
     */
    public <T> Mono<T> object(Service service, Class<T> type, String path, Object... variables) {
        return object(service, path, variables).map(body -> json.convertValue(body, type));
    }

    /** The same with query parameters (see {@link #object(Service, Function)}). */
    public <T> Mono<T> object(Service service, Class<T> type, Function<UriBuilder, URI> uri) {
        return object(service, uri).map(body -> json.convertValue(body, type));
    }

    /** GET with query parameters; a null or blank parameter is left out. */
    @SuppressWarnings("unchecked")
    public Mono<Map<String, Object>> object(Service service, Function<UriBuilder, URI> uri) {
        return call(service, HttpMethod.GET, uri, null, Map.of())
                .map(response -> response.body() instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }

    /** GET of a JSON array. */
    @SuppressWarnings("unchecked")
    public Mono<List<Map<String, Object>>> list(Service service, String path, Object... variables) {
        return call(service, HttpMethod.GET, builder -> builder.path(path).build(variables), null, Map.of())
                .map(response -> response.body() instanceof List<?> list ? (List<Map<String, Object>>) list : List.of());
    }

    @SuppressWarnings("unchecked")
    public Mono<List<Map<String, Object>>> list(Service service, Function<UriBuilder, URI> uri) {
        return call(service, HttpMethod.GET, uri, null, Map.of())
                .map(response -> response.body() instanceof List<?> list ? (List<Map<String, Object>>) list : List.of());
    }

    /** GET of a JSON array, each element read as the page's own view of it (see {@link #object(Service, Class, String, Object...)}). */
    public <T> Mono<List<T>> list(Service service, Class<T> type, String path, Object... variables) {
        return list(service, path, variables).map(items -> items.stream().map(item -> json.convertValue(item, type)).toList());
    }

    /** The same with query parameters. */
    public <T> Mono<List<T>> list(Service service, Class<T> type, Function<UriBuilder, URI> uri) {
        return list(service, uri).map(items -> items.stream().map(item -> json.convertValue(item, type)).toList());
    }

    /** An answer's JSON body read as the page's own view of it. */
    public <T> T read(ApiResponse response, Class<T> type) {
        return json.convertValue(response.body(), type);
    }

    public Mono<ApiResponse> post(Service service, String path, Object body, Object... variables) {
        return call(service, HttpMethod.POST, builder -> builder.path(path).build(variables), body, Map.of());
    }

    public Mono<ApiResponse> patch(Service service, String path, Object body, Object... variables) {
        return call(service, HttpMethod.PATCH, builder -> builder.path(path).build(variables), body, Map.of());
    }

    public Mono<ApiResponse> delete(Service service, String path, Object... variables) {
        return call(service, HttpMethod.DELETE, builder -> builder.path(path).build(variables), null, Map.of());
    }

    /** Any call, with extra headers (If-Match, say). */
    public Mono<ApiResponse> call(Service service, HttpMethod method, Function<UriBuilder, URI> uri, Object body,
                                  Map<String, String> headers) {
        WebClient.RequestBodySpec request = clients.get(service).method(method).uri(uri)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> headers.forEach(h::set));
        WebClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(body));
        Mono<ApiResponse> exchange = ready.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(text -> {
                    int status = response.statusCode().value();
                    if (status >= 500) {
                        return Mono.error(new IllegalStateException(service.id() + " answered " + status));
                    }
                    return Mono.just(new ApiResponse(status, response.headers().asHttpHeaders().getFirst(HttpHeaders.ETAG),
                            text.isBlank() ? null : parse(text)));
                }));
        // Queued with the API routes' calls to the same service (outside the breaker: waiting is not failing).
        return limits.limit(service.id(), breakers.create(service.id()).run(exchange, failure -> Mono.error(
                        // A session whose token can no longer be refreshed, or not now, is the person's state or
                        // Keycloak's, not the service's.
                        failure instanceof OAuth2AuthorizationException || failure instanceof SignInUnavailableException
                                ? failure : new ServiceUnavailableException(service, failure))))
                .onErrorMap(ConcurrencyLimiter.SaturatedException.class, saturated -> new ServiceUnavailableException(service, saturated))
                .flatMap(response -> response.status() >= 400
                        ? Mono.error(ApiProblemException.from(service, response.status(), response.body()))
                        : Mono.just(response));
    }

    private Object parse(String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (RuntimeException notJson) {
            return text;
        }
    }

    /** A successful answer: status, ETag (for If-Match) and the parsed JSON body (null when empty). */
    public record ApiResponse(int status, String etag, Object body) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> bodyAsMap() {
            return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }
}
