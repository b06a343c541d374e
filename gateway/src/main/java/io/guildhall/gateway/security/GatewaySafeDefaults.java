package io.guildhall.gateway.security;

import io.guildhall.contracts.config.SafeDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Outside the dev profile ({@code GUILDHALL_PROFILE}) the gateway refuses to start with the dev realm's client secret
 * or a session cookie that is not marked secure ({@link SafeDefaults}, the same check the services make).
 */
@Configuration(proxyBeanMethods = false)
class GatewaySafeDefaults {

    /** The check ran and passed. */
    record Checked(String profile) {
    }

    @Bean
    Checked gatewaySafeDefaultsChecked(Environment env) {
        SafeDefaults check = SafeDefaults.forProfile(env.getProperty(SafeDefaults.PROFILE_PROPERTY))
                .secret("guildhall.gateway.oidc.client-secret", "GUILDHALL_GATEWAY_CLIENT_SECRET",
                        env.getProperty("guildhall.gateway.oidc.client-secret"))
                .on("server.reactive.session.cookie.secure", "GUILDHALL_SESSION_COOKIE_SECURE",
                        env.getProperty("server.reactive.session.cookie.secure", "false"));
        check.require("gateway");
        return new Checked(env.getProperty(SafeDefaults.PROFILE_PROPERTY, "production"));
    }
}
