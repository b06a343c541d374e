package io.guildhall.analytics;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(
        title = "analytics-service",
        version = "0.1.0",
        description = "Guildhall analytics: read models built only from Kafka events."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
