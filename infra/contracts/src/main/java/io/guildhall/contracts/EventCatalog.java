package io.guildhall.contracts;

import io.guildhall.contracts.participation.ParticipationSummarised;
import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityBecameInactive;
import io.guildhall.contracts.community.CommunityRenewed;
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
import io.guildhall.contracts.event.WaitlistOfferExpired;
import io.guildhall.contracts.event.WaitlistOfferMade;
import io.guildhall.contracts.event.WaitlistOfferReminderDue;
import io.guildhall.contracts.event.WaitlistPromoted;
import io.guildhall.contracts.event.CoOrganiserAdded;
import io.guildhall.contracts.event.CoOrganiserRemoved;
import io.guildhall.contracts.event.FeedbackChanged;
import io.guildhall.contracts.event.FeedbackGiven;
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
 * Every event type Guildhall publishes: its CloudEvents type, its topic and its record, which describes it
 * ({@link Description}) and makes its JSON Schema ({@link EventSchemas}). The schema files and the AsyncAPI document
 * are checked against this list by the contract drift test, so a type exists only when it is here, its schema file
 * is its record's and it is in the AsyncAPI document.
 */
public final class EventCatalog {

    public static final EventType<CommunityFounded> COMMUNITY_FOUNDED = new EventType<>(
            "guildhall.community.founded.v1", Topics.COMMUNITY, CommunityFounded.class);

    public static final EventType<CommunityUpdated> COMMUNITY_UPDATED = new EventType<>(
            "guildhall.community.updated.v1", Topics.COMMUNITY, CommunityUpdated.class);

    public static final EventType<CommunityArchived> COMMUNITY_ARCHIVED = new EventType<>(
            "guildhall.community.archived.v1", Topics.COMMUNITY, CommunityArchived.class);

    public static final EventType<CommunityBecameInactive> COMMUNITY_BECAME_INACTIVE = new EventType<>(
            "guildhall.community.became-inactive.v1", Topics.COMMUNITY, CommunityBecameInactive.class);

    public static final EventType<CommunityRenewed> COMMUNITY_RENEWED = new EventType<>(
            "guildhall.community.renewed.v1", Topics.COMMUNITY, CommunityRenewed.class);

    public static final EventType<LeadAssigned> LEAD_ASSIGNED = new EventType<>(
            "guildhall.community.lead-assigned.v1", Topics.COMMUNITY, LeadAssigned.class);

    public static final EventType<LeadRemoved> LEAD_REMOVED = new EventType<>(
            "guildhall.community.lead-removed.v1", Topics.COMMUNITY, LeadRemoved.class);

    public static final EventType<GoalSet> GOAL_SET = new EventType<>(
            "guildhall.community.goal-set.v1", Topics.COMMUNITY, GoalSet.class);

    public static final EventType<GoalUpdated> GOAL_UPDATED = new EventType<>(
            "guildhall.community.goal-updated.v1", Topics.COMMUNITY, GoalUpdated.class);

    public static final EventType<GoalProgressReported> GOAL_PROGRESS_REPORTED = new EventType<>(
            "guildhall.community.goal-progress-reported.v1", Topics.COMMUNITY, GoalProgressReported.class);

    public static final EventType<GoalStatusChanged> GOAL_STATUS_CHANGED = new EventType<>(
            "guildhall.community.goal-status-changed.v1", Topics.COMMUNITY, GoalStatusChanged.class);

    public static final EventType<EventScheduled> EVENT_SCHEDULED = new EventType<>(
            "guildhall.event.scheduled.v1", Topics.EVENT, EventScheduled.class);

    public static final EventType<EventUpdated> EVENT_UPDATED = new EventType<>(
            "guildhall.event.updated.v1", Topics.EVENT, EventUpdated.class);

    public static final EventType<EventRescheduled> EVENT_RESCHEDULED = new EventType<>(
            "guildhall.event.rescheduled.v1", Topics.EVENT, EventRescheduled.class);

    public static final EventType<EventCancelled> EVENT_CANCELLED = new EventType<>(
            "guildhall.event.cancelled.v1", Topics.EVENT, EventCancelled.class);

    public static final EventType<RsvpConfirmed> RSVP_CONFIRMED = new EventType<>(
            "guildhall.event.rsvp-confirmed.v1", Topics.EVENT, RsvpConfirmed.class);

    public static final EventType<RsvpDeclined> RSVP_DECLINED = new EventType<>(
            "guildhall.event.rsvp-declined.v1", Topics.EVENT, RsvpDeclined.class);

    public static final EventType<RsvpWaitlisted> RSVP_WAITLISTED = new EventType<>(
            "guildhall.event.rsvp-waitlisted.v1", Topics.EVENT, RsvpWaitlisted.class);

    public static final EventType<WaitlistPromoted> WAITLIST_PROMOTED = new EventType<>(
            "guildhall.event.waitlist-promoted.v1", Topics.EVENT, WaitlistPromoted.class);

    public static final EventType<WaitlistOfferMade> WAITLIST_OFFER_MADE = new EventType<>(
            "guildhall.event.waitlist-offer-made.v1", Topics.EVENT, WaitlistOfferMade.class);

    public static final EventType<WaitlistOfferExpired> WAITLIST_OFFER_EXPIRED = new EventType<>(
            "guildhall.event.waitlist-offer-expired.v1", Topics.EVENT, WaitlistOfferExpired.class);

    public static final EventType<WaitlistOfferReminderDue> WAITLIST_OFFER_REMINDER_DUE = new EventType<>(
            "guildhall.event.waitlist-offer-reminder-due.v1", Topics.EVENT, WaitlistOfferReminderDue.class);

    public static final EventType<RsvpCancelled> RSVP_CANCELLED = new EventType<>(
            "guildhall.event.rsvp-cancelled.v1", Topics.EVENT, RsvpCancelled.class);

    public static final EventType<CoOrganiserAdded> CO_ORGANISER_ADDED = new EventType<>(
            "guildhall.event.co-organiser-added.v1", Topics.EVENT, CoOrganiserAdded.class);

    public static final EventType<CoOrganiserRemoved> CO_ORGANISER_REMOVED = new EventType<>(
            "guildhall.event.co-organiser-removed.v1", Topics.EVENT, CoOrganiserRemoved.class);

    public static final EventType<FeedbackGiven> FEEDBACK_GIVEN = new EventType<>(
            "guildhall.event.feedback-given.v1", Topics.EVENT, FeedbackGiven.class);

    public static final EventType<FeedbackChanged> FEEDBACK_CHANGED = new EventType<>(
            "guildhall.event.feedback-changed.v1", Topics.EVENT, FeedbackChanged.class);

    public static final EventType<AttendanceRecorded> ATTENDANCE_RECORDED = new EventType<>(
            "guildhall.event.attendance-recorded.v1", Topics.EVENT, AttendanceRecorded.class);

    public static final EventType<AttendanceCorrected> ATTENDANCE_CORRECTED = new EventType<>(
            "guildhall.event.attendance-corrected.v1", Topics.EVENT, AttendanceCorrected.class);

    public static final EventType<NoShowRecorded> NO_SHOW_RECORDED = new EventType<>(
            "guildhall.event.no-show-recorded.v1", Topics.EVENT, NoShowRecorded.class);

    public static final EventType<EventReminderDue> EVENT_REMINDER_DUE = new EventType<>(
            "guildhall.event.reminder-due.v1", Topics.EVENT, EventReminderDue.class);

    public static final EventType<PersonRegistered> PERSON_REGISTERED = new EventType<>(
            "guildhall.person.registered.v1", Topics.PERSON, PersonRegistered.class);

    public static final EventType<PersonProfileChanged> PERSON_PROFILE_CHANGED = new EventType<>(
            "guildhall.person.profile-changed.v1", Topics.PERSON, PersonProfileChanged.class);

    public static final EventType<PersonDeactivated> PERSON_DEACTIVATED = new EventType<>(
            "guildhall.person.deactivated.v1", Topics.PERSON, PersonDeactivated.class);

    public static final EventType<PersonErased> PERSON_ERASED = new EventType<>(
            "guildhall.person.erased.v1", Topics.PERSON, PersonErased.class);

    public static final EventType<MembershipJoined> MEMBERSHIP_JOINED = new EventType<>(
            "guildhall.membership.joined.v1", Topics.MEMBERSHIP, MembershipJoined.class);

    public static final EventType<MembershipLeft> MEMBERSHIP_LEFT = new EventType<>(
            "guildhall.membership.left.v1", Topics.MEMBERSHIP, MembershipLeft.class);

    public static final EventType<MembershipRequested> MEMBERSHIP_REQUESTED = new EventType<>(
            "guildhall.membership.requested.v1", Topics.MEMBERSHIP, MembershipRequested.class);

    public static final EventType<MembershipRequestDecided> MEMBERSHIP_REQUEST_DECIDED = new EventType<>(
            "guildhall.membership.request-decided.v1", Topics.MEMBERSHIP, MembershipRequestDecided.class);

    public static final EventType<MembershipRoleChanged> MEMBERSHIP_ROLE_CHANGED = new EventType<>(
            "guildhall.membership.role-changed.v1", Topics.MEMBERSHIP, MembershipRoleChanged.class);

    public static final EventType<ContributionLogged> CONTRIBUTION_LOGGED = new EventType<>(
            "guildhall.contribution.logged.v1", Topics.CONTRIBUTION, ContributionLogged.class);

    public static final EventType<ContributionCorrected> CONTRIBUTION_CORRECTED = new EventType<>(
            "guildhall.contribution.corrected.v1", Topics.CONTRIBUTION, ContributionCorrected.class);

    public static final EventType<ContributionDeleted> CONTRIBUTION_DELETED = new EventType<>(
            "guildhall.contribution.deleted.v1", Topics.CONTRIBUTION, ContributionDeleted.class);

    public static final EventType<ParticipationSummarised> PARTICIPATION_SUMMARISED = new EventType<>(
            "guildhall.participation.summarised.v1", Topics.PARTICIPATION, ParticipationSummarised.class);

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
            COMMUNITY_BECAME_INACTIVE,
            COMMUNITY_RENEWED,
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
            WAITLIST_OFFER_MADE,
            WAITLIST_OFFER_EXPIRED,
            WAITLIST_OFFER_REMINDER_DUE,
            RSVP_CANCELLED,
            CO_ORGANISER_ADDED,
            CO_ORGANISER_REMOVED,
            FEEDBACK_GIVEN,
            FEEDBACK_CHANGED,
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
