package io.guildhall.gateway.portal.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A community's goal as the portal's pages show it: the fields of community-service's
 * {@code GET /api/communities/{id}/goals} (and of one goal) the pages read; metric and status as the API spells them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoalDetail(UUID id, String title, String description, String metric, String unit, BigDecimal baseline,
                         BigDecimal target, BigDecimal currentValue, BigDecimal progress, LocalDate dueDate,
                         String ownerId, String status, long version, List<Evidence> checkIns) {

    /**
     * A reported level: a lead's check-in (with its comment) or one derived from the community's events. The community
     * page shows each goal's newest ones, the evidence behind its progress.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(BigDecimal value, LocalDate asOf, String comment, String source) {

        public boolean isFromEvents() {
            return "EVENT_EVIDENCE".equals(source);
        }
    }

    public GoalDetail {
        checkIns = checkIns == null ? List.of() : List.copyOf(checkIns);
    }

    /** The level reached so far: the last reported value, else the baseline. */
    public BigDecimal level() {
        return currentValue != null ? currentValue : baseline;
    }

    /** The goal's editable fields as its form shows them: amounts as people write them ("4", never "4.00"). */
    public Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", text(title));
        form.put("description", text(description));
        form.put("metric", text(metric));
        form.put("unit", text(unit));
        form.put("baseline", amount(baseline));
        form.put("target", amount(target));
        form.put("dueDate", dueDate == null ? "" : dueDate.toString());
        form.put("ownerId", text(ownerId));
        return form;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
