package io.guildhall.event.event;

/**
 * Who sees an event's online link and who else is going (issue 16). The people going, its organiser, its
 * co-organisers and admins;
 * not everyone who can read the event. An online link shared with the whole organisation lets anyone join without
 * a seat; a guest list open to all would let anyone who browses the events (an executive included) compile who
 * attends what, which the figures never show. Someone who is going sees who else is: that is what they are
 * joining.
 */
public final class WhoSees {

    private WhoSees() {
    }

    /**
     * @param answer the caller's own answer to the event ({@code GOING}, {@code WAITLISTED}, {@code NOT_GOING}),
     *               null when none
     * @param coOrganiser whether the caller is one of the event's co-organisers
     */
    public static boolean insideOf(Event event, String caller, boolean admin, String answer, boolean coOrganiser) {
        return admin || coOrganiser || (caller != null && caller.equals(event.organiserId())) || "GOING".equals(answer);
    }
}
