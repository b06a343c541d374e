package io.guildhall.membership.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("guildhall.keycloak-sync")
public record KeycloakSyncSettings(Duration pollInterval, int batchSize, Duration maxBackoff) {

    public KeycloakSyncSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize <= 0 ? 20 : batchSize;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    }

    /** 1 s, 2 s, 4 s, ... up to maxBackoff. */
    public Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = Duration.ofSeconds(seconds);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
