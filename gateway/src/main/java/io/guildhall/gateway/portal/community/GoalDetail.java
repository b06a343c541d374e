package io.guildhall.gateway.portal.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A community's goal as the portal's pages show it: the fields of community-service's
 * {@code GET /api/communities/{id}/goals} (and of one goal) the pages read; metric and status as the API spells them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoalDetail(UUID id, String title, String description, String metric, String unit, BigDecimal baseline,
                         BigDecimal target, BigDecimal currentValue, BigDecimal progress, LocalDate dueDate,
                         String ownerId, String status, long version) {

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
