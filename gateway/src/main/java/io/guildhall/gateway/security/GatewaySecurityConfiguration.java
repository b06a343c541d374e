package io.guildhall.gateway.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import java.util.Map;
import java.util.Set;

/**
 * The gateway as a backend-for-frontend: the portal signs people in with Keycloak (authorization code with
 * PKCE S256); the tokens stay in the server-side session and the TokenRelay filter adds the access token to
 * the API calls the portal's session makes. Other systems call /api/** with their own bearer token, which
 * passes through untouched: each service checks every token itself. Signing out ends the Keycloak session too.
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties(OidcClientProperties.class)
public class GatewaySecurityConfiguration {

    public static final String REGISTRATION = "keycloak";
    private static final String SESSION_COOKIE = "SESSION";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
                                           OidcClientProperties oidc) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        return http
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/fallback/**", "/webjars/**", "/portal/**", "/favicon.ico", "/swagger-ui.html", "/swagger-ui/**",
                                "/api-docs/**", "/v3/api-docs/**", SignInUnavailableFilter.PAGE_PATH).permitAll()
                        // Checking a certificate's code: for whoever holds the certificate, without an account.
                        .pathMatchers("/certificates", "/certificates/**").permitAll()
                        // Every service authorises every API call itself, with the relayed or the caller's token.
                        .pathMatchers("/api/**").permitAll()
                        // Portal pages by role; the services check the same roles on every API call the page makes.
                        .pathMatchers("/executive", "/executive/**").hasRole("executive")
                        .pathMatchers("/admin", "/admin/**").hasRole("admin")
                        .anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(PortalSignIn.entryPoint())
                        .accessDeniedHandler(PortalSignIn.accessDenied()))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                .csrf(csrf -> csrf
                        // The portal's scripts (htmx) echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(cookieAuthenticatedWrites()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self' "
                                + oidc.origin()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY)))
                .build();
    }

    /**
     * CSRF protects what a browser's session cookie authorises: unsafe methods that carry the session cookie
     * and no Authorization header. A bearer-token client's credentials are not sent by a browser on its own,
     * so a forged cross-site request cannot use them; an anonymous API call gets the service's 401.
     */
    private static ServerWebExchangeMatcher cookieAuthenticatedWrites() {
        return exchange -> !SAFE.contains(exchange.getRequest().getMethod())
                && !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && (exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                    || !exchange.getRequest().getPath().value().startsWith("/api/"))
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /**
     * The CSRF token is created lazily: subscribe to it on every request so its cookie is always set, and keep
     * the resolved token where Thymeleaf's form processor looks for it, so {@code th:action} forms carry it.
     */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token)
                    .doOnNext(resolved -> exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, resolved))
                    .then(chain.filter(exchange));
        };
    }

    /** Picked up by oauth2Login: adds the realm roles to the session's authorities. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        return new RealmRolesOidcUserService();
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(OidcClientProperties oidc) {
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(oidc.issuer())
                .authorizationUri(oidc.endpoint("auth"))
                .tokenUri(oidc.backchannelEndpoint("token"))
                .jwkSetUri(oidc.backchannelEndpoint("certs"))
                .userInfoUri(oidc.backchannelEndpoint("userinfo"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc.endpoint("logout")))
                .clientName("Guildhall")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }
}
