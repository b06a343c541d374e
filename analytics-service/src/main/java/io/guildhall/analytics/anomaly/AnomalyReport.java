package io.guildhall.analytics.anomaly;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Rule 10: events and people worth a second look in a period. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AnomalyReport(
        String period,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Admins: every community. A lead: the communities they lead.") String scope,
        List<EventAnomaly> events,
        @Schema(description = "People at the day cap on 3 or more days of a week; admins only (null for a lead)",
                nullable = true)
        List<PersonAnomaly> people) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EventAnomaly(UUID eventId, UUID communityId, String communityName, String category,
                               Instant startsAt, Instant endsAt, String organiserId, int attendees,
                               @Schema(description = "RECORDED_AFTER_THE_FACT, ORGANISER_CHECKED_IN_ONE_OTHER_PERSON, RECIPROCAL_WITH_ANOTHER_EVENT")
                               List<String> reasons) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PersonAnomaly(String personId, @Schema(description = "ISO week, e.g. 2026-W49") String week,
                                int daysAtCap) {
    }
}
