package io.guildhall.membership.keycloak;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
public class KeycloakConfiguration {

    /** Blocking (RESTEasy): every call goes through {@link KeycloakCalls} on boundedElastic, never an event loop. */
    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakSettings settings) {
        long timeout = settings.timeout().toMillis();
        return KeycloakBuilder.builder()
                .serverUrl(settings.serverUrl())
                .realm(settings.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                        .readTimeout(timeout, TimeUnit.MILLISECONDS)
                        .connectionPoolSize(8)
                        .build())
                .build();
    }

    @Bean
    KeycloakSyncWorker keycloakSyncWorker(KeycloakSyncStore store, RealmResource realm, KeycloakCalls calls,
                                          KeycloakSyncSettings settings, Clock clock, MeterRegistry meters) {
        return new KeycloakSyncWorker(store, new KeycloakMirror(realm), calls, settings, clock, meters);
    }

    @Bean
    RealmResource guildhallRealm(Keycloak keycloak, KeycloakSettings settings) {
        return keycloak.realm(settings.realm());
    }
}
