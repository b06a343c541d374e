package io.guildhall.analytics;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(
        title = "analytics-service",
        version = "0.1.0",
        description = "Guildhall analytics: read models built only from the platform's Kafka events."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A Keycloak access token of the guildhall realm with audience guildhall-api.")
public class Application {

    public static void main(String[] args) {
        boolean jsonLines = io.guildhall.analytics.observability.LogFormat.choose();
        Micronaut.build(args).mainClass(Application.class).banner(!jsonLines).start();
    }
}
