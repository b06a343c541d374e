package io.guildhall.analytics.summary;

import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Every Monday morning in the organisation's time zone, the week that just ended. Several instances may all run
 * it: the ce_ids are the same, so consumers apply one copy.
 */
@Singleton
public class WeeklySummaryJob {

    private final SummaryPublisher publisher;
    private final AnalyticsSettings settings;

    public WeeklySummaryJob(SummaryPublisher publisher, AnalyticsSettings settings) {
        this.publisher = publisher;
        this.settings = settings;
    }

    @Scheduled(cron = "${guildhall.analytics.summary-cron:0 0 6 * * MON}",
            zoneId = "${guildhall.analytics.time-zone:Europe/Berlin}")
    void publishLastWeek() {
        LocalDate today = LocalDate.now(settings.zone());
        publisher.publish(Period.week(today.minusWeeks(1)), today, Clock.systemUTC());
    }
}
