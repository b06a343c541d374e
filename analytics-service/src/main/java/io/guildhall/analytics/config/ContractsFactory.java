package io.guildhall.analytics.config;

import io.guildhall.contracts.SchemaValidator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

@Factory
public class ContractsFactory {

    /** Eager: a missing or broken schema must stop the start-up, not the first message. */
    @Context
    public SchemaValidator schemaValidator() {
        return SchemaValidator.shared();
    }
}
