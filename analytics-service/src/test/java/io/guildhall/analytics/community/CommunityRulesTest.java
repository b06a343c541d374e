package io.guildhall.analytics.community;

import io.guildhall.analytics.membership.MembershipRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CommunityRulesTest {

    private static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T2.plusSeconds(60);
    private static final UUID COMMUNITY = UUID.randomUUID();
    private static final UUID GOAL = UUID.randomUUID();

    @Test
    void an_update_before_the_founding_keeps_its_name_and_learns_the_founder_later() {
        CommunityRow updated = CommunityRow.afterUpdated(Optional.empty(), COMMUNITY, "slug-2", "New name", "java",
                "OPEN", T2);
        CommunityRow founded = CommunityRow.afterFounded(Optional.of(updated), new CommunityRow(COMMUNITY, "slug-1",
                "Old name", "java", "OPEN", "founder", T1, T1, 1, false));

        assertEquals(new CommunityRow(COMMUNITY, "slug-2", "New name", "java", "OPEN", "founder", T1, T2, 2, false),
                founded);
    }

    @Test
    void a_status_change_before_its_goal_is_kept_and_the_goal_describes_it_later() {
        GoalRow placeholder = GoalRow.afterStatusChanged(Optional.empty(), GOAL, COMMUNITY, "AT_RISK", T2).orElseThrow();
        GoalRow described = GoalRow.afterSet(Optional.of(placeholder), new GoalRow(GOAL, COMMUNITY, "Ten sessions",
                "SESSIONS_HELD", LocalDate.parse("2026-06-30"), "ON_TRACK", T1)).orElseThrow();

        assertEquals(new GoalRow(GOAL, COMMUNITY, "Ten sessions", "SESSIONS_HELD", LocalDate.parse("2026-06-30"),
                "AT_RISK", T2), described);
        assertEquals(Optional.empty(), GoalRow.afterSet(Optional.of(described), new GoalRow(GOAL, COMMUNITY, "Old",
                "CUSTOM", LocalDate.parse("2026-05-01"), "ON_TRACK", T1)), "a described goal ignores older events");
    }

    @Test
    void a_lead_removed_after_being_assigned_stays_removed_whatever_the_order() {
        LeadRow assigned = new LeadRow(COMMUNITY, "p", true, T1);
        LeadRow removed = new LeadRow(COMMUNITY, "p", false, T2);

        assertEquals(Optional.empty(), LeadRow.after(Optional.of(removed), assigned));
        assertEquals(Optional.of(removed), LeadRow.after(Optional.of(assigned), removed));
    }

    @Test
    void a_leaving_before_the_joining_is_kept_and_the_join_fills_its_date() {
        MembershipRow left = MembershipRow.afterLeft(Optional.empty(), COMMUNITY, "p", T3, T3).orElseThrow();
        MembershipRow joinedLate = MembershipRow.afterJoined(Optional.of(left), COMMUNITY, "p", "MEMBER", T1, T1)
                .orElseThrow();

        assertEquals(new MembershipRow(COMMUNITY, "p", "MEMBER", T1, T3, T3), joinedLate);
        MembershipRow rejoined = MembershipRow.afterJoined(Optional.of(joinedLate), COMMUNITY, "p", "MEMBER",
                T3.plusSeconds(60), T3.plusSeconds(60)).orElseThrow();
        assertNull(rejoined.leftAt(), "a rejoin clears the leaving");
    }
}
