package io.guildhall.analytics.settings;

import io.guildhall.analytics.report.ReportStack;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings as the application binds them: the defaults, an administrator's values, and the refused ones. */
class AnalyticsSettingsIT {

    @Test
    void the_defaults_are_the_designs_ones() {
        try (ApplicationContext context = ApplicationContext.run(with(Map.of()))) {
            AnalyticsSettings settings = context.getBean(AnalyticsSettings.class);

            assertEquals(ZoneId.of("Europe/Berlin"), settings.rules().zone());
            assertEquals(0.17, settings.rules().targetShare());
            assertEquals(Set.of(), settings.rules().countedCategories(), "every category counts");
            assertEquals(5, settings.getPrivacyThreshold());
            assertEquals(ZoneId.of("Europe/London"), settings.rules().locationZones().get("London"));
            assertEquals(java.time.LocalTime.of(7, 0), settings.rules().workdayStart());
            assertEquals(java.time.LocalTime.of(20, 0), settings.rules().workdayEnd());
            assertEquals(false, settings.rules().countNonWorkingDays(), "weekends and holidays do not count");
        }
    }

    @Test
    void the_working_window_and_location_zones_are_an_administrators_too() {
        try (ApplicationContext context = ApplicationContext.run(with(Map.of(
                "guildhall.analytics.location-zones", "Lisbon=Europe/Lisbon, New York=America/New_York",
                "guildhall.analytics.workday-start", "08:00",
                "guildhall.analytics.workday-end", "18:30",
                "guildhall.analytics.count-non-working-days", "true")))) {
            var rules = context.getBean(AnalyticsSettings.class).rules();

            assertEquals(Map.of("Lisbon", ZoneId.of("Europe/Lisbon"), "New York", ZoneId.of("America/New_York")),
                    rules.locationZones());
            assertEquals(java.time.LocalTime.of(18, 30), rules.workdayEnd());
            assertEquals(true, rules.countNonWorkingDays());
        }
    }

    @Test
    void a_malformed_window_or_zone_stops_the_start_up() {
        assertRefused("guildhall.analytics.workday-end", "06:00", "workday-end");
        assertRefused("guildhall.analytics.location-zones", "Berlin=Europe/Berlim", "location-zones");
        assertRefused("guildhall.analytics.location-zones", "Berlin", "location-zones");
    }

    @Test
    void an_administrators_values_are_bound() {
        try (ApplicationContext context = ApplicationContext.run(with(Map.of(
                "guildhall.analytics.time-zone", "Europe/London",
                "guildhall.analytics.target-share", "0.2",
                "guildhall.analytics.counted-categories", "training,community_meetup",
                "guildhall.analytics.holidays", "2026-12-25,2026-12-26",
                "guildhall.analytics.privacy-threshold", "7")))) {
            AnalyticsSettings settings = context.getBean(AnalyticsSettings.class);

            assertEquals(ZoneId.of("Europe/London"), settings.rules().zone());
            assertEquals(0.2, settings.rules().targetShare());
            assertEquals(Set.of("TRAINING", "COMMUNITY_MEETUP"), settings.rules().countedCategories());
            assertEquals(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)), settings.rules().holidays());
            assertEquals(7, settings.getPrivacyThreshold());
        }
    }

    @Test
    void a_privacy_threshold_below_five_stops_the_start_up() {
        assertRefused("guildhall.analytics.privacy-threshold", "4", "privacyThreshold");
    }

    @Test
    void a_target_outside_zero_to_one_stops_the_start_up() {
        assertRefused("guildhall.analytics.target-share", "0", "targetShare");
        assertRefused("guildhall.analytics.target-share", "1.5", "targetShare");
    }

    @Test
    void a_malformed_holiday_stops_the_start_up() {
        assertRefused("guildhall.analytics.holidays", "2026-12-32", "holidays");
    }

    private static void assertRefused(String property, String value, String named) {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(with(Map.of(property, value))).close());
        String messages = messages(refused);
        assertTrue(messages.contains(named), messages);
    }

    private static Map<String, Object> with(Map<String, String> overrides) {
        return ReportStack.with(overrides);
    }

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
