package io.guildhall.gateway.portal.me;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * My participation in a period as analytics-service reports it ({@code GET /api/analytics/me?period=...}):
 * the share of my work time against the target, with the report itself for the pages that show more.
 */
public record Participation(String period, Double share, double target, Long participationMinutes, Long workMinutes,
                            String standing, Map<String, Object> report) {

    static final double DEFAULT_TARGET = 0.17;

    public static Mono<Participation> quarter(ApiClient api) {
        return of(api, "quarter");
    }

    public static Mono<Participation> of(ApiClient api, String period) {
        return api.object(Service.ANALYTICS, uri -> uri.path("/api/analytics/me").queryParam("period", period).build())
                .map(Participation::from);
    }

    /** Reads analytics-service's MeReport (period, targetShare, share, participationMinutes, workMinutes, standing, ...). */
    static Participation from(Map<String, Object> report) {
        Double target = number(report.get("targetShare"));
        return new Participation(report.get("period") == null ? null : report.get("period").toString(),
                number(report.get("share")), target == null ? DEFAULT_TARGET : target,
                whole(report.get("participationMinutes")), whole(report.get("workMinutes")),
                (String) report.get("standing"), report);
    }

    /**
     * The gauge's configuration for static/portal/charts.js, in percent: the scale runs to a little beyond twice the
     * target (where over-participation begins), the target is marked on it, and a share above twice the target is
     * drawn in amber as a warning.
     */
    public Map<String, Object> gauge() {
        double value = percent(share == null ? 0 : share);
        return Map.of("kind", "gauge", "label", "My share", "value", value, "target", percent(target),
                "warnAbove", percent(2 * target), "max", Math.min(100, Math.max(percent(2.5 * target), value)));
    }

    public boolean overParticipating() {
        return "OVER_PARTICIPATION".equals(standing);
    }

    /** Minutes still to go to the target in the whole period (negative: above it), as analytics reports it. */
    public Long minutesToTarget() {
        return whole(report.get("minutesToTarget"));
    }

    public boolean atOrAboveTarget() {
        return share != null && share >= target;
    }

    private static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Long whole(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
