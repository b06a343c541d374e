package io.guildhall.gateway.portal.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A community's accountability report as its page shows it: the fields of community-service's
 * {@code GET /api/communities/{id}/accountability} the page reads; statuses and trends as the API spells them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Accountability(UUID communityId, String communityName, LocalDate from, LocalDate to, int staleAfterWeeks,
                             Map<String, Long> goalsByStatus, List<GoalLine> goals, List<Flag> flags) {

    public Accountability {
        goalsByStatus = goalsByStatus == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(goalsByStatus)); // the API's order
        goals = goals == null ? List.of() : List.copyOf(goals);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** False when the service refused the period: then there is nothing to show but the form. */
    public boolean isReported() {
        return from != null;
    }

    /** The page's heading when the service refused the period: the community, nothing reported. */
    static Accountability refused(UUID communityId, String communityName) {
        return new Accountability(communityId, communityName, null, null, 0, Map.of(), List.of(), List.of());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoalLine(UUID goalId, String title, String status, String trend, BigDecimal target,
                           BigDecimal valueAtStart, BigDecimal valueAtEnd, BigDecimal progressInPeriod,
                           long checkInsInPeriod, long evidenceInPeriod, LocalDate lastCheckIn, boolean checkInOverdue,
                           List<Session> sessions) {

        public GoalLine {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(UUID eventId, Instant startsAt, long attendees) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(UUID goalId, String title, String ownerId, LocalDate lastCheckIn, long weeksWithoutCheckIn) {
    }
}
