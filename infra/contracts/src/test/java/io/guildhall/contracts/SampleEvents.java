package io.guildhall.contracts;

import io.guildhall.contracts.participation.ParticipationSummarised;
import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityBecameInactive;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.community.CommunityRenewed;
import io.guildhall.contracts.community.CommunityUpdated;
import io.guildhall.contracts.community.GoalMetric;
import io.guildhall.contracts.community.GoalProgressReported;
import io.guildhall.contracts.community.GoalSet;
import io.guildhall.contracts.community.GoalStatus;
import io.guildhall.contracts.community.GoalStatusChangeCause;
import io.guildhall.contracts.community.GoalStatusChanged;
import io.guildhall.contracts.community.GoalUpdated;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.contracts.community.ProgressSource;
import io.guildhall.contracts.community.Visibility;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Valid events of every catalog type, as a producer would build them, and the JSON a producer would write. */
final class SampleEvents {

    /** Jackson 3 defaults: java.time built in, dates as ISO-8601 strings, nulls written as null. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final UUID COMMUNITY = UUID.fromString("0b6f3a52-8a43-4c1b-9a0e-3f6d2c1b7e10");
    static final UUID GOAL = UUID.fromString("5e2d8c71-1f4a-4b9e-8d3c-7a6b5c4d3e21");
    static final String GRACE = "3f1c2b4a-9d8e-4f7a-b6c5-1d2e3f4a5b6c";
    static final String ADA = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d";
    static final String KATHERINE = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");

    private SampleEvents() {
    }

    /** At least one event of every catalog type; optional fields both filled and null. */
    static List<GuildhallEvent> all() {
        return java.util.stream.Stream.<List<GuildhallEvent>>of(List.of(
                EventSamples.scheduled(), EventSamples.scheduledBare(), EventSamples.updated(),
                EventSamples.rescheduled(), EventSamples.cancelled(), EventSamples.confirmed(), EventSamples.declined(),
                EventSamples.waitlisted(), EventSamples.promoted(), EventSamples.rsvpCancelled(),
                EventSamples.coOrganiserAdded(), EventSamples.coOrganiserRemoved(),
                EventSamples.feedbackGiven(), EventSamples.feedbackChanged(),
                new io.guildhall.contracts.event.WaitlistOfferMade(EventSamples.EVENT, ADA, null, AT,
                        AT.plusSeconds(7200)),
                new io.guildhall.contracts.event.WaitlistOfferExpired(EventSamples.EVENT, ADA, AT),
                new io.guildhall.contracts.event.WaitlistOfferReminderDue(EventSamples.EVENT, ADA,
                        AT.plusSeconds(3600), AT),
                EventSamples.attended(), EventSamples.corrected(), EventSamples.noShow(), EventSamples.reminder(),
                founded(),
                new CommunityBecameInactive(COMMUNITY, AT.minus(java.time.Duration.ofDays(91)), 90, AT),
                new CommunityRenewed(COMMUNITY, GRACE, AT),
                new CommunityRenewed(COMMUNITY, null, AT),
                new CommunityFounded(COMMUNITY, "java-guild", "Java Guild", "JVM craft.", "java",
                        Visibility.REQUEST_TO_JOIN.name(), GRACE, AT, KATHERINE),
                new CommunityUpdated(COMMUNITY, "jvm-guild", "JVM Guild", "All JVM languages.", "java",
                        Visibility.OPEN.name(), KATHERINE, GRACE, AT),
                new CommunityUpdated(COMMUNITY, "jvm-guild", "JVM Guild", "", "java",
                        Visibility.OPEN.name(), null, GRACE, AT),
                new CommunityArchived(COMMUNITY, GRACE, AT),
                new LeadAssigned(COMMUNITY, ADA, GRACE, AT),
                new LeadRemoved(COMMUNITY, ADA, GRACE, AT),
                new GoalSet(COMMUNITY, GOAL, "Twelve brown-bag sessions", "One a month.", GoalMetric.SESSIONS_HELD.name(),
                        null, BigDecimal.ZERO, new BigDecimal("12"), LocalDate.of(2026, 12, 31), GRACE,
                        GoalStatus.ON_TRACK.name(), GRACE, AT),
                new GoalSet(COMMUNITY, GOAL, "Publish talks", null, GoalMetric.CUSTOM.name(), "talks published",
                        new BigDecimal("1.5"), new BigDecimal("6"), LocalDate.of(2026, 6, 30), ADA,
                        GoalStatus.AT_RISK.name(), GRACE, AT),
                new GoalUpdated(COMMUNITY, GOAL, "Ten brown-bag sessions", null, GoalMetric.SESSIONS_HELD.name(), null,
                        BigDecimal.ZERO, BigDecimal.TEN, LocalDate.of(2026, 12, 31), ADA, GRACE, AT),
                new GoalProgressReported(COMMUNITY, GOAL, UUID.fromString("9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
                        new BigDecimal("3"), LocalDate.of(2026, 3, 1), "Three talks so far", ProgressSource.CHECK_IN.name(),
                        GRACE, AT),
                new GoalProgressReported(COMMUNITY, GOAL, UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
                        new BigDecimal("4"), LocalDate.of(2026, 3, 2), null, ProgressSource.EVENT_EVIDENCE.name(),
                        null, AT),
                new GoalStatusChanged(COMMUNITY, GOAL, GoalStatus.ON_TRACK.name(), GoalStatus.AT_RISK.name(),
                        GoalStatusChangeCause.TIME_PASSED.name(), AT)),
                MembershipSamples.person(), MembershipSamples.membership(), MembershipSamples.contribution(),
                List.of(new ParticipationSummarised("Engineering", "2026-W09", LocalDate.of(2026, 2, 23),
                        LocalDate.of(2026, 3, 1), "Europe/Berlin", 12, 28800, 3600, 0.125, 0.1, 0.25, 0.17, 5, AT)))
                .flatMap(List::stream).toList();
    }

    /** The event data property that holds each topic's record key. */
    static final java.util.Map<String, String> KEY_PROPERTIES = java.util.Map.of(
            Topics.COMMUNITY, "communityId",
            Topics.EVENT, "eventId",
            Topics.PERSON, "personId",
            Topics.MEMBERSHIP, "communityId",
            Topics.CONTRIBUTION, "contributionId",
            Topics.PARTICIPATION, "department");

    /** Built with the constructor that predates the optional sponsorId, as existing producers do. */
    static CommunityFounded founded() {
        return new CommunityFounded(COMMUNITY, "java-guild", "Java Guild", "People who love the JVM.", "java",
                Visibility.OPEN.name(), GRACE, AT);
    }

    static byte[] json(Object event) {
        return JSON.writeValueAsBytes(event);
    }
}
