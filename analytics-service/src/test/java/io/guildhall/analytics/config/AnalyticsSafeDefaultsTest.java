package io.guildhall.analytics.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check analytics runs at start (a {@code @Context} bean): outside dev, the development password stops it. */
class AnalyticsSafeDefaultsTest {

    @Test
    void outside_dev_the_development_database_password_stops_analytics_naming_the_variable() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new AnalyticsSafeDefaults("production", "postgres"));
        assertTrue(refused.getMessage().contains("analytics-service refuses to start"), refused.getMessage());
        assertTrue(refused.getMessage().contains("GUILDHALL_DB_PASSWORD"), refused.getMessage());
    }

    @Test
    void its_own_password_or_the_dev_profile_starts() {
        assertDoesNotThrow(() -> new AnalyticsSafeDefaults("production", "from-the-vault"));
        assertDoesNotThrow(() -> new AnalyticsSafeDefaults("dev", "postgres"));
    }
}
