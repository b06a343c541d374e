package io.guildhall.benchmarks.freshness;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ada's own report, {@code GET /api/analytics/me?period=week} on analytics-service: visible once the minutes it records
 * (the counted ones at a JSON pointer, plus those listed under {@code uncounted}) have grown by the checked-in minutes
 * since just before the check-in. The uncounted ones matter: a check-in outside the working window or beyond the day's
 * cap (rules 4 and 5 of docs/participation.md) is recorded but not counted, so at 06:00 the counted figure alone
 * would never move.
 */
final class MeReportProbe implements Probe {

    static final String DEFAULT_POINTER = "/participationMinutes";
    private static final String PATH = "/api/analytics/me?period=week";

    private final Api analytics;
    private final String pointer;
    private long before;

    private MeReportProbe(Api analytics, String pointer) {
        this.analytics = analytics;
        this.pointer = pointer;
    }

    /** The probe, or nothing (with the reason in {@code notes}) when this analytics-service has no such report yet. */
    static Optional<Probe> connect(Api analytics, String pointer, List<String> notes) {
        HttpResponse<String> response = analytics.send("GET", PATH, "ada", null);
        if (response.statusCode() != 200) {
            notes.add("GET " + PATH + " answered HTTP " + response.statusCode() + " in this analytics-service build, so "
                    + "freshness was measured until the attendance's row appeared in analytics' participation table.");
            return Optional.empty();
        }
        JsonNode minutes = Api.parse(response.body()).at(pointer);
        if (!minutes.isNumber()) {
            List<String> fields = new ArrayList<>();
            Api.parse(response.body()).propertyNames().forEach(fields::add);
            notes.add("GET " + PATH + " has no number at " + pointer + " (top-level fields: " + fields + "); pass "
                    + "me-minutes=<JSON pointer> to say where ada's participation minutes are. Freshness was measured "
                    + "until the attendance's row appeared in analytics' participation table.");
            return Optional.empty();
        }
        return Optional.of(new MeReportProbe(analytics, pointer));
    }

    @Override
    public String label() {
        return "ada's GET /api/analytics/me shows the minutes";
    }

    @Override
    public void prepare() {
        before = minutes();
    }

    @Override
    public boolean shows(String eventId, String personId, int checkedIn) {
        return minutes() >= before + checkedIn;
    }

    private long minutes() {
        JsonNode report = analytics.call("GET", PATH, "ada", null);
        long recorded = report.at(pointer).asLong();
        for (JsonNode uncounted : report.path("uncounted")) {
            recorded += uncounted.path("minutes").asLong();
        }
        return recorded;
    }
}
