package io.guildhall.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code guildhall.gateway.rate-limit.*}: API calls per caller (signed-in person, bearer token, or address).
 * Buckets live in each gateway instance's memory, so with N instances a caller may get up to N times this.
 */
@ConfigurationProperties("guildhall.gateway.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer burst, Double perSecond) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        burst = burst == null ? 60 : burst;
        perSecond = perSecond == null ? 20.0 : perSecond;
    }
}
