package io.guildhall.event.coorganiser;

import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStatus;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;

/**
 * Who may be a co-organiser: anyone but the organiser (who already runs it), up to {@link #MOST} per event, of an
 * event that is not cancelled.
 */
public final class CoOrganiserRules {

    /** Co-organisers of one event at most. */
    public static final int MOST = 10;

    private CoOrganiserRules() {
    }

    public static void checkAdd(Event event, String person, long already) {
        if (person == null || person.isBlank() || person.length() > 64) {
            throw new InvalidFieldException("personId", "must be a person's id (1 to 64 characters)");
        }
        if (person.equals(event.organiserId())) {
            throw new InvalidFieldException("personId", "is the organiser, who runs the event already");
        }
        if (event.status() == EventStatus.CANCELLED) {
            throw new ConflictException("status", "the event is cancelled");
        }
        if (already >= MOST) {
            throw new ConflictException("personId", "an event has at most " + MOST + " co-organisers");
        }
    }
}
