package io.guildhall.support;

import io.guildhall.testsupport.GuildhallStack;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at the real servers of the shared test stack. */
public final class StackProperties {

    private StackProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, GuildhallStack stack, String database, String kafkaBrokers) {
        registry.add("GUILDHALL_DB_HOST", stack::dbHost);
        registry.add("GUILDHALL_DB_PORT", stack::dbPort);
        registry.add("GUILDHALL_DB_NAME", () -> database);
        registry.add("GUILDHALL_DB_USERNAME", stack::dbUsername);
        registry.add("GUILDHALL_DB_PASSWORD", stack::dbPassword);
        registry.add("GUILDHALL_KAFKA_BROKERS", () -> kafkaBrokers);
        registry.add("GUILDHALL_ISSUER", stack::issuerUri);
    }
}
