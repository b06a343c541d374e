package io.guildhall.gateway.portal.me;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.Chart;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/**
 * My participation in a period as the pages show it: the fields of analytics-service's {@code GET
 * /api/analytics/me?period=...} the pages read. The share of my work time against the target, what it is made of,
 * and how far my network reaches; only ever my own data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Participation(String period, LocalDate from, LocalDate to, Double targetShare, Double overParticipationShare,
                            Long workMinutes, Long participationMinutes, Double share, String standing,
                            Long minutesToTarget, List<Minutes> uncounted, List<Minutes> byCategory,
                            List<CommunityMinutes> byCommunity, List<TrendPoint> trend, NetworkReach networkReach,
                            GiveTake giveTake) {

    static final double DEFAULT_TARGET = 0.17;

    public Participation {
        uncounted = uncounted == null ? List.of() : List.copyOf(uncounted);
        byCategory = byCategory == null ? List.of() : List.copyOf(byCategory);
        byCommunity = byCommunity == null ? List.of() : List.copyOf(byCommunity);
        trend = trend == null ? List.of() : List.copyOf(trend);
    }

    public static Mono<Participation> quarter(ApiClient api) {
        return of(api, "quarter");
    }

    public static Mono<Participation> of(ApiClient api, String period) {
        return api.object(Service.ANALYTICS, Participation.class,
                uri -> uri.path("/api/analytics/me").queryParam("period", period).build());
    }

    /** Minutes of a category ({@code byCategory}) or not counted for a reason ({@code uncounted}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Minutes(String category, String reason, long minutes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommunityMinutes(String name, long minutes) {
    }

    /** One ISO week ("2026-W49"); the share is null without work time. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrendPoint(String week, Double share) {
    }

    /** Counts only: who was met is never shown. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NetworkReach(int peopleMet, int departments, int levels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GiveTake(long givingMinutes, long takingMinutes, Double givingShare) {
    }

    /** The target share of work time (17 % unless analytics says otherwise). */
    public double target() {
        return targetShare == null ? DEFAULT_TARGET : targetShare;
    }

    /**
     * The gauge for static/portal/charts.js, in percent: the scale runs to a little beyond twice the target (where
     * over-participation begins), the target is marked on it, and a share above twice the target is drawn in amber
     * as a warning.
     */
    public Chart gauge() {
        double value = percent(share == null ? 0 : share);
        double target = target();
        return Chart.gauge("My share", value, percent(target), percent(2 * target),
                Math.min(100, Math.max(percent(2.5 * target), value)));
    }

    public boolean overParticipating() {
        return "OVER_PARTICIPATION".equals(standing);
    }

    public boolean atOrAboveTarget() {
        return share != null && share >= target();
    }

    private static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
