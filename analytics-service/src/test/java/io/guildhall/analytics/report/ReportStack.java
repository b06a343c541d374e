package io.guildhall.analytics.report;

import io.guildhall.analytics.AnalyticsStack;
import io.guildhall.testsupport.GuildhallStack;

import java.util.HashMap;
import java.util.Map;

/**
 * The real servers for the report and settings tests, on their own database and consumer group: the consumer tests
 * recreate theirs, and two application contexts in one group would split the topics' partitions between two
 * databases. Each context consumes every topic from the beginning into this database.
 */
public final class ReportStack {

    public static final String DATABASE = "analytics_reports_test";
    public static final String CONSUMER_GROUP = "analytics-reports-test";

    private ReportStack() {
    }

    public static GuildhallStack stack() {
        return AnalyticsStack.stack();
    }

    public static Map<String, String> properties() {
        return Holder.PROPERTIES;
    }

    /** The properties with some replaced, e.g. a setting under test. */
    public static Map<String, Object> with(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>(properties());
        properties.putAll(overrides);
        return properties;
    }

    private static final class Holder {
        private static final Map<String, String> PROPERTIES = AnalyticsStack.properties(DATABASE, CONSUMER_GROUP);
    }
}
