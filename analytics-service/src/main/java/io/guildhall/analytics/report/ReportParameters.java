package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.InvalidPeriodException;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/** The reports' query parameters, refused with a 400 problem that names the parameter. */
@Singleton
public class ReportParameters {

    /** Without a period, a report covers the current calendar month. */
    public static final String DEFAULT_PERIOD = "month";
    public static final String PERIOD_DESCRIPTION = "week[:YYYY-Www] | month[:YYYY-MM] | quarter[:YYYY-Qn]"
            + " | rolling13[:YYYY-Www] (13 ISO weeks ending with that one) | range:YYYY-MM-DD..YYYY-MM-DD."
            + " A kind alone is the current one. Not after the current period, at most 2 years. Default: month.";

    private final AnalyticsSettings settings;

    public ReportParameters(AnalyticsSettings settings) {
        this.settings = settings;
    }

    /** Today in the organisation's time zone. */
    public LocalDate today() {
        return LocalDate.now(settings.zone());
    }

    public Period period(String text) {
        try {
            return Period.parse(text == null ? DEFAULT_PERIOD : text, today());
        } catch (InvalidPeriodException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    public GroupBy groupBy(String text) {
        try {
            return GroupBy.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
