package io.guildhall.analytics.messaging;

import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.contracts.community.CommunityUpdated;
import io.guildhall.contracts.community.GoalSet;
import io.guildhall.contracts.community.GoalStatusChanged;
import io.guildhall.contracts.community.GoalUpdated;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.contracts.contribution.ContributionCorrected;
import io.guildhall.contracts.contribution.ContributionDeleted;
import io.guildhall.contracts.contribution.ContributionLogged;
import io.guildhall.contracts.event.AttendanceCorrected;
import io.guildhall.contracts.event.AttendanceRecorded;
import io.guildhall.contracts.event.EventCancelled;
import io.guildhall.contracts.event.EventRescheduled;
import io.guildhall.contracts.event.EventScheduled;
import io.guildhall.contracts.event.EventUpdated;
import io.guildhall.contracts.event.NoShowRecorded;
import io.guildhall.contracts.event.RsvpCancelled;
import io.guildhall.contracts.event.RsvpConfirmed;
import io.guildhall.contracts.event.RsvpDeclined;
import io.guildhall.contracts.event.RsvpWaitlisted;
import io.guildhall.contracts.event.WaitlistPromoted;
import io.guildhall.contracts.membership.MembershipJoined;
import io.guildhall.contracts.membership.MembershipLeft;
import io.guildhall.contracts.membership.MembershipRoleChanged;
import io.guildhall.contracts.person.PersonDeactivated;
import io.guildhall.contracts.person.PersonErased;
import io.guildhall.contracts.person.PersonProfileChanged;
import io.guildhall.contracts.person.PersonRegistered;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Contract events with the fields a test does not care about filled in plausibly. */
public final class Samples {

    public static final String ZONE = "Europe/Berlin";

    private Samples() {
    }

    public static String person() {
        return "person-" + UUID.randomUUID();
    }

    /** A calendar event's facts, as every event of the event topic repeats them. */
    public record Meeting(UUID eventId, UUID communityId, String category, Instant startsAt, Instant endsAt) {
        public static Meeting of(UUID communityId, String category, Instant startsAt, int minutes) {
            return new Meeting(UUID.randomUUID(), communityId, category, startsAt, startsAt.plusSeconds(60L * minutes));
        }
    }

    public static PersonRegistered registered(String person, String department, String level, String location,
                                              int weeklyHours, LocalDate from, Instant at) {
        return new PersonRegistered(person, "Someone", department, level, location, null, weeklyHours, false, true,
                from, at);
    }

    public static PersonProfileChanged profileChanged(String person, String department, String level, String location,
                                                      int weeklyHours, LocalDate from, Instant at) {
        return new PersonProfileChanged(person, "Someone", department, level, location, null, weeklyHours, false, true,
                from, at);
    }

    public static PersonDeactivated deactivated(String person, LocalDate from, Instant at) {
        return new PersonDeactivated(person, "DISABLED", from, at);
    }

    public static PersonErased erased(String person, Instant at) {
        return new PersonErased(person, "privacy-officer", at);
    }

    public static EventScheduled scheduled(Meeting m, String organiser, Integer capacity, Instant at) {
        return new EventScheduled(m.eventId(), null, "Session", null, m.category(), "IN_PERSON", m.startsAt(),
                m.endsAt(), ZONE, "Room 1", null, capacity, null, organiser, m.communityId(), at, false);
    }

    public static EventUpdated updated(Meeting m, String category, Integer capacity, Instant at) {
        return new EventUpdated(m.eventId(), "Session", null, category, "IN_PERSON", "Room 2", null, capacity, null,
                m.communityId(), 1, "organiser", at);
    }

    public static EventRescheduled rescheduled(Meeting m, Instant startsAt, Instant endsAt, Instant at) {
        return new EventRescheduled(m.eventId(), m.startsAt(), m.endsAt(), startsAt, endsAt, ZONE, m.communityId(), 2,
                "organiser", at);
    }

    public static EventCancelled cancelled(Meeting m, Instant at) {
        return new EventCancelled(m.eventId(), "weather", m.communityId(), m.startsAt(), 3, "organiser", at);
    }

    public static RsvpConfirmed confirmed(Meeting m, String person, Instant at) {
        return new RsvpConfirmed(m.eventId(), person, m.communityId(), m.category(), m.startsAt(), m.endsAt(), ZONE, at);
    }

    public static RsvpDeclined declined(Meeting m, String person, Instant at) {
        return new RsvpDeclined(m.eventId(), person, at);
    }

    public static RsvpWaitlisted waitlisted(Meeting m, String person, Instant at) {
        return new RsvpWaitlisted(m.eventId(), person, 1, at);
    }

    public static WaitlistPromoted promoted(Meeting m, String person, Instant at) {
        return new WaitlistPromoted(m.eventId(), person, m.communityId(), m.category(), m.startsAt(), m.endsAt(), ZONE,
                at);
    }

    public static RsvpCancelled rsvpCancelled(Meeting m, String person, Instant at) {
        return new RsvpCancelled(m.eventId(), person, "GOING", at);
    }

    public static AttendanceRecorded attended(Meeting m, String person, int minutes, Instant at) {
        return new AttendanceRecorded(m.eventId(), person, m.communityId(), m.category(), m.startsAt(), m.endsAt(),
                ZONE, minutes, "ORGANISER", "organiser", at, false);
    }

    public static AttendanceCorrected corrected(Meeting m, String person, int previous, int minutes, Instant at) {
        return new AttendanceCorrected(m.eventId(), person, m.communityId(), m.category(), m.startsAt(), m.endsAt(),
                ZONE, previous, minutes, "organiser", at);
    }

    public static NoShowRecorded noShow(Meeting m, String person, Instant at) {
        return new NoShowRecorded(m.eventId(), person, m.communityId(), m.category(), m.startsAt(), m.endsAt(), ZONE,
                at);
    }

    public static MembershipJoined joined(UUID community, String person, String role, Instant at) {
        return new MembershipJoined(community, person, role, "OPEN_JOIN", at);
    }

    public static MembershipLeft left(UUID community, String person, Instant at) {
        return new MembershipLeft(community, person, "LEFT", at);
    }

    public static MembershipRoleChanged roleChanged(UUID community, String person, String from, String to, Instant at) {
        return new MembershipRoleChanged(community, person, from, to, "lead", at);
    }

    public static ContributionLogged logged(UUID id, String person, UUID community, String kind, String direction,
                                            LocalDate date, int minutes, Instant at) {
        return new ContributionLogged(id, person, community, kind, direction, date, minutes, at);
    }

    public static ContributionCorrected contributionCorrected(UUID id, String person, UUID community, String kind,
                                                              String direction, LocalDate date, int minutes,
                                                              Instant at) {
        return new ContributionCorrected(id, person, community, kind, direction, date, minutes, at);
    }

    public static ContributionDeleted contributionDeleted(UUID id, String person, UUID community, LocalDate date,
                                                          Instant at) {
        return new ContributionDeleted(id, person, community, date, at);
    }

    public static CommunityFounded founded(UUID community, String name, String founder, Instant at) {
        return new CommunityFounded(community, "c-" + community, name, "A community", "java", "OPEN", founder, at);
    }

    public static CommunityUpdated communityUpdated(UUID community, String name, Instant at) {
        return new CommunityUpdated(community, "c-" + community, name, "Renamed", "java", "REQUEST_TO_JOIN", null,
                "lead", at);
    }

    public static CommunityArchived archived(UUID community, Instant at) {
        return new CommunityArchived(community, "lead", at);
    }

    public static LeadAssigned leadAssigned(UUID community, String person, Instant at) {
        return new LeadAssigned(community, person, "lead", at);
    }

    public static LeadRemoved leadRemoved(UUID community, String person, Instant at) {
        return new LeadRemoved(community, person, "lead", at);
    }

    public static GoalSet goalSet(UUID community, UUID goal, String title, LocalDate due, Instant at) {
        return new GoalSet(community, goal, title, null, "SESSIONS_HELD", "sessions", BigDecimal.ZERO,
                BigDecimal.TEN, due, "owner", "ON_TRACK", "lead", at);
    }

    public static GoalUpdated goalUpdated(UUID community, UUID goal, String title, LocalDate due, Instant at) {
        return new GoalUpdated(community, goal, title, null, "HOURS_INVESTED", "hours", BigDecimal.ZERO,
                BigDecimal.TEN, due, "owner", "lead", at);
    }

    public static GoalStatusChanged goalStatusChanged(UUID community, UUID goal, String from, String to, Instant at) {
        return new GoalStatusChanged(community, goal, from, to, "CHECK_IN", at);
    }
}
