package io.guildhall.contracts.community;

import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code guildhall.community.goal-status-changed.v1}: a goal's derived status changed, by a check-in, by event
 * evidence, by an edit, or because time passed (found by the scheduled check).
 */
public record GoalStatusChanged(
        UUID communityId,
        UUID goalId,
        @EnumValues(GoalStatus.class) String previousStatus,
        @EnumValues(GoalStatus.class) String status,
        @EnumValues(GoalStatusChangeCause.class) String cause,
        Instant changedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
