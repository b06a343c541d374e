package io.guildhall.contracts;

import io.guildhall.contracts.participation.ParticipationSummarised;
import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.community.CommunityUpdated;
import io.guildhall.contracts.community.GoalProgressReported;
import io.guildhall.contracts.community.GoalSet;
import io.guildhall.contracts.community.GoalStatusChanged;
import io.guildhall.contracts.community.GoalUpdated;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.contracts.contribution.ContributionCorrected;
import io.guildhall.contracts.contribution.ContributionDeleted;
import io.guildhall.contracts.contribution.ContributionLogged;
import io.guildhall.contracts.membership.MembershipJoined;
import io.guildhall.contracts.membership.MembershipLeft;
import io.guildhall.contracts.membership.MembershipRequestDecided;
import io.guildhall.contracts.membership.MembershipRequested;
import io.guildhall.contracts.membership.MembershipRoleChanged;
import io.guildhall.contracts.person.PersonDeactivated;
import io.guildhall.contracts.person.PersonErased;
import io.guildhall.contracts.person.PersonProfileChanged;
import io.guildhall.contracts.person.PersonRegistered;
import io.guildhall.contracts.event.EventScheduled;
import io.guildhall.contracts.event.EventUpdated;
import io.guildhall.contracts.event.EventRescheduled;
import io.guildhall.contracts.event.EventCancelled;
import io.guildhall.contracts.event.RsvpConfirmed;
import io.guildhall.contracts.event.RsvpDeclined;
import io.guildhall.contracts.event.RsvpWaitlisted;
import io.guildhall.contracts.event.WaitlistPromoted;
import io.guildhall.contracts.event.RsvpCancelled;
import io.guildhall.contracts.event.AttendanceRecorded;
import io.guildhall.contracts.event.AttendanceCorrected;
import io.guildhall.contracts.event.NoShowRecorded;
import io.guildhall.contracts.event.EventReminderDue;

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

    public static final EventType<EventScheduled> EVENT_SCHEDULED = new EventType<>(
            "guildhall.event.scheduled.v1", Topics.EVENT, EventScheduled.class,
            "An organiser scheduled an event (or one occurrence of a recurring series).");

    public static final EventType<EventUpdated> EVENT_UPDATED = new EventType<>(
            "guildhall.event.updated.v1", Topics.EVENT, EventUpdated.class,
            "An organiser edited an event's details; carries its state after the edit, not a diff. Time changes are published as rescheduled events.");

    public static final EventType<EventRescheduled> EVENT_RESCHEDULED = new EventType<>(
            "guildhall.event.rescheduled.v1", Topics.EVENT, EventRescheduled.class,
            "An organiser moved an event to another time; attendees should be told.");

    public static final EventType<EventCancelled> EVENT_CANCELLED = new EventType<>(
            "guildhall.event.cancelled.v1", Topics.EVENT, EventCancelled.class,
            "An organiser cancelled an event; RSVPs lapse and attendees should be told.");

    public static final EventType<RsvpConfirmed> RSVP_CONFIRMED = new EventType<>(
            "guildhall.event.rsvp-confirmed.v1", Topics.EVENT, RsvpConfirmed.class,
            "A person answered GOING and got a seat.");

    public static final EventType<RsvpDeclined> RSVP_DECLINED = new EventType<>(
            "guildhall.event.rsvp-declined.v1", Topics.EVENT, RsvpDeclined.class,
            "A person answered NOT_GOING.");

    public static final EventType<RsvpWaitlisted> RSVP_WAITLISTED = new EventType<>(
            "guildhall.event.rsvp-waitlisted.v1", Topics.EVENT, RsvpWaitlisted.class,
            "A person answered GOING to a full event and was put on its waitlist.");

    public static final EventType<WaitlistPromoted> WAITLIST_PROMOTED = new EventType<>(
            "guildhall.event.waitlist-promoted.v1", Topics.EVENT, WaitlistPromoted.class,
            "A seat freed and the first person on the waitlist got it automatically; they are now GOING.");

    public static final EventType<RsvpCancelled> RSVP_CANCELLED = new EventType<>(
            "guildhall.event.rsvp-cancelled.v1", Topics.EVENT, RsvpCancelled.class,
            "A person withdrew their RSVP (GOING or WAITLISTED); a seat may have freed.");

    public static final EventType<AttendanceRecorded> ATTENDANCE_RECORDED = new EventType<>(
            "guildhall.event.attendance-recorded.v1", Topics.EVENT, AttendanceRecorded.class,
            "A person's attendance at an event was recorded (check-in by the organiser or self check-in); minutes count as participation time.");

    public static final EventType<AttendanceCorrected> ATTENDANCE_CORRECTED = new EventType<>(
            "guildhall.event.attendance-corrected.v1", Topics.EVENT, AttendanceCorrected.class,
            "The organiser corrected a recorded attendance; replaces the minutes of the earlier record, 0 withdraws it.");

    public static final EventType<NoShowRecorded> NO_SHOW_RECORDED = new EventType<>(
            "guildhall.event.no-show-recorded.v1", Topics.EVENT, NoShowRecorded.class,
            "The event ended and a person who was GOING never checked in.");

    public static final EventType<EventReminderDue> EVENT_REMINDER_DUE = new EventType<>(
            "guildhall.event.reminder-due.v1", Topics.EVENT, EventReminderDue.class,
            "An event starts in 24 hours and this person is going; for notification systems.");

    public static final EventType<PersonRegistered> PERSON_REGISTERED = new EventType<>(
            "guildhall.person.registered.v1", Topics.PERSON, PersonRegistered.class,
            "A person appeared in the directory (first seen in Keycloak), with their profile.");

    public static final EventType<PersonProfileChanged> PERSON_PROFILE_CHANGED = new EventType<>(
            "guildhall.person.profile-changed.v1", Topics.PERSON, PersonProfileChanged.class,
            "A person's directory profile changed, with the date from which the new profile applies.");

    public static final EventType<PersonDeactivated> PERSON_DEACTIVATED = new EventType<>(
            "guildhall.person.deactivated.v1", Topics.PERSON, PersonDeactivated.class,
            "A person became inactive: their Keycloak user was disabled or deleted.");

    public static final EventType<PersonErased> PERSON_ERASED = new EventType<>(
            "guildhall.person.erased.v1", Topics.PERSON, PersonErased.class,
            "An administrator erased a person; every service anonymises what it holds about them.");

    public static final EventType<MembershipJoined> MEMBERSHIP_JOINED = new EventType<>(
            "guildhall.membership.joined.v1", Topics.MEMBERSHIP, MembershipJoined.class,
            "A person became a member of a community.");

    public static final EventType<MembershipLeft> MEMBERSHIP_LEFT = new EventType<>(
            "guildhall.membership.left.v1", Topics.MEMBERSHIP, MembershipLeft.class,
            "A person stopped being a member of a community.");

    public static final EventType<MembershipRequested> MEMBERSHIP_REQUESTED = new EventType<>(
            "guildhall.membership.requested.v1", Topics.MEMBERSHIP, MembershipRequested.class,
            "A person asked to join a community that requires a lead's approval.");

    public static final EventType<MembershipRequestDecided> MEMBERSHIP_REQUEST_DECIDED = new EventType<>(
            "guildhall.membership.request-decided.v1", Topics.MEMBERSHIP, MembershipRequestDecided.class,
            "A lead approved or declined a request to join.");

    public static final EventType<MembershipRoleChanged> MEMBERSHIP_ROLE_CHANGED = new EventType<>(
            "guildhall.membership.role-changed.v1", Topics.MEMBERSHIP, MembershipRoleChanged.class,
            "A member's role in a community changed between MEMBER and LEAD.");

    public static final EventType<ContributionLogged> CONTRIBUTION_LOGGED = new EventType<>(
            "guildhall.contribution.logged.v1", Topics.CONTRIBUTION, ContributionLogged.class,
            "A person logged minutes of community work outside events.");

    public static final EventType<ContributionCorrected> CONTRIBUTION_CORRECTED = new EventType<>(
            "guildhall.contribution.corrected.v1", Topics.CONTRIBUTION, ContributionCorrected.class,
            "A person corrected their own contribution log entry; the new state replaces the old.");

    public static final EventType<ContributionDeleted> CONTRIBUTION_DELETED = new EventType<>(
            "guildhall.contribution.deleted.v1", Topics.CONTRIBUTION, ContributionDeleted.class,
            "A person deleted their own contribution log entry.");

    public static final EventType<ParticipationSummarised> PARTICIPATION_SUMMARISED = new EventType<>(
            "guildhall.participation.summarised.v1", Topics.PARTICIPATION, ParticipationSummarised.class,
            "A department's participation in one ISO week against the target; only departments of at least the"
                    + " privacy threshold of people.");

    private static final List<EventType<?>> ALL = List.of(
            PERSON_REGISTERED,
            PERSON_PROFILE_CHANGED,
            PERSON_DEACTIVATED,
            PERSON_ERASED,
            MEMBERSHIP_JOINED,
            MEMBERSHIP_LEFT,
            MEMBERSHIP_REQUESTED,
            MEMBERSHIP_REQUEST_DECIDED,
            MEMBERSHIP_ROLE_CHANGED,
            CONTRIBUTION_LOGGED,
            CONTRIBUTION_CORRECTED,
            CONTRIBUTION_DELETED,
            COMMUNITY_FOUNDED,
            COMMUNITY_UPDATED,
            COMMUNITY_ARCHIVED,
            LEAD_ASSIGNED,
            LEAD_REMOVED,
            GOAL_SET,
            GOAL_UPDATED,
            GOAL_PROGRESS_REPORTED,
            GOAL_STATUS_CHANGED,
            EVENT_SCHEDULED,
            EVENT_UPDATED,
            EVENT_RESCHEDULED,
            EVENT_CANCELLED,
            RSVP_CONFIRMED,
            RSVP_DECLINED,
            RSVP_WAITLISTED,
            WAITLIST_PROMOTED,
            RSVP_CANCELLED,
            ATTENDANCE_RECORDED,
            ATTENDANCE_CORRECTED,
            NO_SHOW_RECORDED,
            EVENT_REMINDER_DUE,
            PARTICIPATION_SUMMARISED);

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
