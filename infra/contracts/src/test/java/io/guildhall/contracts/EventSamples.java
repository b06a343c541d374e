package io.guildhall.contracts;

import io.guildhall.contracts.event.AttendanceCorrected;
import io.guildhall.contracts.event.AttendanceRecorded;
import io.guildhall.contracts.event.CheckInMethod;
import io.guildhall.contracts.event.EventCancelled;
import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;
import io.guildhall.contracts.event.EventReminderDue;
import io.guildhall.contracts.event.EventRescheduled;
import io.guildhall.contracts.event.EventScheduled;
import io.guildhall.contracts.event.EventUpdated;
import io.guildhall.contracts.event.NoShowRecorded;
import io.guildhall.contracts.event.CoOrganiserAdded;
import io.guildhall.contracts.event.CoOrganiserRemoved;
import io.guildhall.contracts.event.FeedbackChanged;
import io.guildhall.contracts.event.FeedbackGiven;
import io.guildhall.contracts.event.RsvpCancelled;
import io.guildhall.contracts.event.RsvpConfirmed;
import io.guildhall.contracts.event.RsvpDeclined;
import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.contracts.event.RsvpWaitlisted;
import io.guildhall.contracts.event.WaitlistPromoted;

import java.time.Instant;
import java.util.UUID;

import static io.guildhall.contracts.SampleEvents.ADA;
import static io.guildhall.contracts.SampleEvents.AT;
import static io.guildhall.contracts.SampleEvents.COMMUNITY;
import static io.guildhall.contracts.SampleEvents.GRACE;

/** Valid samples of the guildhall.event.v1 types (event-service), listed in {@link SampleEvents#all()}. */
final class EventSamples {

    static final UUID EVENT = UUID.fromString("6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a");
    static final UUID SERIES = UUID.fromString("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d");
    static final Instant STARTS = Instant.parse("2026-03-10T17:00:00Z");
    static final Instant ENDS = Instant.parse("2026-03-10T18:30:00Z");
    static final String ZONE = "Europe/London";
    static final String MEETUP = EventCategory.COMMUNITY_MEETUP.name();

    private EventSamples() {
    }

    static EventScheduled scheduled() {
        return new EventScheduled(EVENT, SERIES, "JVM meetup", "Virtual threads in practice.", MEETUP,
                EventFormat.HYBRID.name(), STARTS, ENDS, ZONE, "Room 4, London office", "https://meet.example.com/jvm",
                20, Instant.parse("2026-03-09T17:00:00Z"), GRACE, COMMUNITY, AT, false);
    }

    static EventScheduled scheduledBare() {
        return new EventScheduled(EVENT, null, "Five-a-side", null, EventCategory.SPORTS.name(),
                EventFormat.IN_PERSON.name(), STARTS, ENDS, ZONE, "Pitch 2", null, null, null, ADA, null, AT, null);
    }

    static EventUpdated updated() {
        return new EventUpdated(EVENT, "JVM meetup", null, MEETUP, EventFormat.ONLINE.name(), null,
                "https://meet.example.com/jvm", null, null, COMMUNITY, 2, GRACE, AT);
    }

    static EventRescheduled rescheduled() {
        return new EventRescheduled(EVENT, STARTS, ENDS, STARTS.plusSeconds(86_400), ENDS.plusSeconds(86_400), ZONE,
                null, 3, GRACE, AT);
    }

    static EventCancelled cancelled() {
        return new EventCancelled(EVENT, "Speaker ill", COMMUNITY, STARTS, 4, GRACE, AT);
    }

    static RsvpConfirmed confirmed() {
        return new RsvpConfirmed(EVENT, ADA, COMMUNITY, MEETUP, STARTS, ENDS, ZONE, AT);
    }

    static RsvpDeclined declined() {
        return new RsvpDeclined(EVENT, ADA, AT);
    }

    static RsvpWaitlisted waitlisted() {
        return new RsvpWaitlisted(EVENT, ADA, 3, AT);
    }

    static WaitlistPromoted promoted() {
        return new WaitlistPromoted(EVENT, ADA, null, MEETUP, STARTS, ENDS, ZONE, AT);
    }

    static RsvpCancelled rsvpCancelled() {
        return new RsvpCancelled(EVENT, ADA, RsvpStatus.WAITLISTED.name(), AT);
    }

    static CoOrganiserAdded coOrganiserAdded() {
        return new CoOrganiserAdded(EVENT, ADA, COMMUNITY, GRACE, AT);
    }

    static CoOrganiserRemoved coOrganiserRemoved() {
        return new CoOrganiserRemoved(EVENT, ADA, null, GRACE, AT);
    }

    static FeedbackGiven feedbackGiven() {
        return new FeedbackGiven(EVENT, UUID.fromString("8c1c2a57-6f0e-4c51-9d7e-1f2b3c4d5e6f"), COMMUNITY, MEETUP, 4, AT);
    }

    static FeedbackChanged feedbackChanged() {
        return new FeedbackChanged(EVENT, UUID.fromString("8c1c2a57-6f0e-4c51-9d7e-1f2b3c4d5e6f"), null, 4, 5, AT);
    }

    static AttendanceRecorded attended() {
        return new AttendanceRecorded(EVENT, ADA, COMMUNITY, MEETUP, STARTS, ENDS, ZONE, 75,
                CheckInMethod.ORGANISER.name(), GRACE, AT, true);
    }

    static AttendanceCorrected corrected() {
        return new AttendanceCorrected(EVENT, ADA, null, MEETUP, STARTS, ENDS, ZONE, 75, 0, GRACE, AT);
    }

    static NoShowRecorded noShow() {
        return new NoShowRecorded(EVENT, ADA, COMMUNITY, MEETUP, STARTS, ENDS, ZONE, AT);
    }

    static EventReminderDue reminder() {
        return new EventReminderDue(EVENT, ADA, "JVM meetup", STARTS, ENDS, ZONE, null, "https://meet.example.com/jvm",
                AT);
    }
}
