package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;

import java.time.Instant;
import java.util.UUID;

@Description("A goal's derived status changed: by a check-in, by event evidence, by an edit, or because time passed "
        + "(found by the scheduled check).")
public record GoalStatusChanged(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("The goal.")
        UUID goalId,
        @Description("The status before the change.")
        @EnumValues(GoalStatus.class) String previousStatus,
        @Description("The status after the change.")
        @EnumValues(GoalStatus.class) String status,
        @Description("What caused the change; TIME_PASSED comes from the scheduled check.")
        @EnumValues(GoalStatusChangeCause.class) String cause,
        @Description("When the change was detected (RFC 3339, UTC).")
        Instant changedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
