package io.guildhall.contracts;

import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.community.CommunityUpdated;
import io.guildhall.contracts.community.GoalProgressReported;
import io.guildhall.contracts.community.GoalSet;
import io.guildhall.contracts.community.GoalStatusChanged;
import io.guildhall.contracts.community.GoalUpdated;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type Guildhall publishes. The schemas and the AsyncAPI document are checked against this list by
 * the contract drift test, so a type exists only when it is here, has its schema and is in the AsyncAPI document.
 */
public final class EventCatalog {

    public static final EventType<CommunityFounded> COMMUNITY_FOUNDED = new EventType<>(
            "guildhall.community.founded.v1", Topics.COMMUNITY, CommunityFounded.class,
            "An employee founded a community and became its first lead.");

    public static final EventType<CommunityUpdated> COMMUNITY_UPDATED = new EventType<>(
            "guildhall.community.updated.v1", Topics.COMMUNITY, CommunityUpdated.class,
            "A lead edited a community; carries its public state after the edit.");

    public static final EventType<CommunityArchived> COMMUNITY_ARCHIVED = new EventType<>(
            "guildhall.community.archived.v1", Topics.COMMUNITY, CommunityArchived.class,
            "A lead archived a community; its history stays readable.");

    public static final EventType<LeadAssigned> LEAD_ASSIGNED = new EventType<>(
            "guildhall.community.lead-assigned.v1", Topics.COMMUNITY, LeadAssigned.class,
            "A person became a (co-)lead of a community.");

    public static final EventType<LeadRemoved> LEAD_REMOVED = new EventType<>(
            "guildhall.community.lead-removed.v1", Topics.COMMUNITY, LeadRemoved.class,
            "A person stopped being a lead of a community.");

    public static final EventType<GoalSet> GOAL_SET = new EventType<>(
            "guildhall.community.goal-set.v1", Topics.COMMUNITY, GoalSet.class,
            "A lead set a measurable goal for a community.");

    public static final EventType<GoalUpdated> GOAL_UPDATED = new EventType<>(
            "guildhall.community.goal-updated.v1", Topics.COMMUNITY, GoalUpdated.class,
            "A lead edited a goal; carries its definition after the edit.");

    public static final EventType<GoalProgressReported> GOAL_PROGRESS_REPORTED = new EventType<>(
            "guildhall.community.goal-progress-reported.v1", Topics.COMMUNITY, GoalProgressReported.class,
            "A goal's measured value as of a date, from a lead's check-in or from event evidence.");

    public static final EventType<GoalStatusChanged> GOAL_STATUS_CHANGED = new EventType<>(
            "guildhall.community.goal-status-changed.v1", Topics.COMMUNITY, GoalStatusChanged.class,
            "A goal's derived status changed.");

    private static final List<EventType<?>> ALL = List.of(
            COMMUNITY_FOUNDED,
            COMMUNITY_UPDATED,
            COMMUNITY_ARCHIVED,
            LEAD_ASSIGNED,
            LEAD_REMOVED,
            GOAL_SET,
            GOAL_UPDATED,
            GOAL_PROGRESS_REPORTED,
            GOAL_STATUS_CHANGED);

    private static final Map<String, EventType<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private static final Map<Class<?>, EventType<?>> BY_CLASS = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    /** The types published on one topic, in catalog order. */
    public static List<EventType<?>> onTopic(String topic) {
        return ALL.stream().filter(t -> t.topic().equals(topic)).toList();
    }

    /** Every topic that carries at least one event type, in catalog order. */
    public static List<String> topics() {
        return ALL.stream().map(EventType::topic).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    public static <T extends GuildhallEvent> EventType<T> of(Class<T> recordClass) {
        EventType<?> type = BY_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException("Not a published event: " + recordClass.getName());
        }
        return (EventType<T>) type;
    }

    /** The type of a published event instance. */
    @SuppressWarnings("unchecked")
    public static <T extends GuildhallEvent> EventType<T> typeOf(T event) {
        return of((Class<T>) event.getClass());
    }
}
