package io.guildhall.membership.keycloak;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeycloakSettingsTest {

    @Test
    void the_admin_server_url_and_realm_come_from_the_issuer() {
        KeycloakSettings settings = new KeycloakSettings("http://127.0.0.1:8180/realms/guildhall/", "c", "s", null);
        assertThat(settings.serverUrl()).isEqualTo("http://127.0.0.1:8180");
        assertThat(settings.realm()).isEqualTo("guildhall");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new KeycloakSettings("https://sso.example.com/auth/realms/corp", "c", "s", null).serverUrl())
                .isEqualTo("https://sso.example.com/auth");
        assertThatThrownBy(() -> new KeycloakSettings("http://127.0.0.1:8180", "c", "s", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realm URL");
    }

    @Test
    void retries_back_off_exponentially_up_to_the_maximum() {
        KeycloakSyncSettings settings = new KeycloakSyncSettings(null, 0, Duration.ofSeconds(30));
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(settings.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoff(500)).isEqualTo(Duration.ofSeconds(30));
    }
}
