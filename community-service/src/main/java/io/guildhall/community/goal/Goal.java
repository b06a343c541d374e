package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalMetric;
import io.guildhall.contracts.community.GoalSet;
import io.guildhall.contracts.community.GoalStatus;
import io.guildhall.contracts.community.GoalUpdated;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A measurable goal of a community. Its status is derived by {@link GoalStatusPolicy}, never set directly. */
public record Goal(
        UUID id,
        UUID communityId,
        String title,
        String description,
        GoalMetric metric,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        BigDecimal currentValue,
        LocalDate startDate,
        LocalDate dueDate,
        String ownerId,
        GoalStatus status,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Long version) {

    /** The status this goal has on the given day with its current value. */
    public GoalStatus statusOn(LocalDate today) {
        return GoalStatusPolicy.evaluate(baseline, target, currentValue, startDate, dueDate, today);
    }

    public BigDecimal progress() {
        return GoalStatusPolicy.progress(baseline, target, currentValue);
    }

    /** The goal at a new level, with the status that level has on the given day. */
    Goal movedTo(BigDecimal level, LocalDate today, Instant now) {
        Goal moved = with(level, status, now);
        return moved.with(level, moved.statusOn(today), now);
    }

    /** The goal with its status re-derived for the given day. */
    Goal rederived(LocalDate today, Instant now) {
        return with(currentValue, statusOn(today), now);
    }

    private Goal with(BigDecimal newCurrent, GoalStatus newStatus, Instant now) {
        return new Goal(id, communityId, title, description, metric, unit, baseline, target, newCurrent, startDate, dueDate,
                ownerId, newStatus, createdBy, createdAt, now, version);
    }

    Goal edited(String newTitle, String newDescription, String newUnit, BigDecimal newBaseline, BigDecimal newTarget,
                LocalDate newDue, String newOwner, Instant now) {
        return new Goal(id, communityId, newTitle, newDescription, metric, newUnit, newBaseline, newTarget, currentValue,
                startDate, newDue, newOwner, status, createdBy, createdAt, now, version);
    }

    /** The same goal at another version (the store sets it as it writes). */
    Goal withVersion(long next) {
        return new Goal(id, communityId, title, description, metric, unit, baseline, target, currentValue, startDate,
                dueDate, ownerId, status, createdBy, createdAt, updatedAt, next);
    }

    GoalSet setEvent() {
        return new GoalSet(communityId, id, title, description, metric.name(), unit, baseline, target, dueDate, ownerId,
                status.name(), createdBy, createdAt);
    }

    GoalUpdated updatedEvent(String by) {
        return new GoalUpdated(communityId, id, title, description, metric.name(), unit, baseline, target, dueDate, ownerId,
                by, updatedAt);
    }
}
