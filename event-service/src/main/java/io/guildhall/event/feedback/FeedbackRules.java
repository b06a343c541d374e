package io.guildhall.event.feedback;

import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStatus;
import io.guildhall.support.web.ConflictException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feedback after an event, as plain code: only someone checked in at it gives it, once, from their check-in until
 * 14 days after the end, and may change it in that time; a summary shows under {@link #THRESHOLD} answers only their
 * count, so that nobody's rating or comment can be told apart.
 */
public final class FeedbackRules {

    /** How long after the end feedback may be given or changed. */
    public static final Duration WINDOW = Duration.ofDays(14);
    /** Fewer answers than this and the summary shows the count alone (the platform's privacy threshold). */
    public static final int THRESHOLD = 5;

    private FeedbackRules() {
    }

    /** Until when feedback on {@code event} may be given or changed. */
    public static Instant editableUntil(Event event) {
        return event.endsAt().plus(WINDOW);
    }

    /** Refuses (409) feedback on a cancelled event or after the window; attendance is checked by the caller. */
    public static void checkOpen(Event event, Instant now) {
        if (event.status() == EventStatus.CANCELLED) {
            throw new ConflictException("rating", "the event was cancelled");
        }
        if (now.isAfter(editableUntil(event))) {
            throw new ConflictException("rating", "feedback closes 14 days after the event ends");
        }
    }

    /** The summary the organiser and the leads read: count always; mean, spread and comments from 5 answers. */
    public static FeedbackSummary summarise(java.util.UUID eventId, List<Feedback> all) {
        int count = all.size();
        if (count < THRESHOLD) {
            return new FeedbackSummary(eventId, count, true, null, null, null);
        }
        Map<Integer, Integer> spread = new TreeMap<>();
        for (int r = 1; r <= 5; r++) {
            spread.put(r, 0);
        }
        double total = 0;
        List<String> comments = new ArrayList<>();
        for (Feedback f : all) {
            spread.merge(f.rating(), 1, Integer::sum);
            total += f.rating();
            if (f.comment() != null && !f.comment().isBlank()) {
                comments.add(f.comment().trim());
            }
        }
        // Sorted by their text: neither the order of answering nor the rating points to who wrote which.
        Collections.sort(comments);
        double mean = Math.round(total / count * 100.0) / 100.0;
        return new FeedbackSummary(eventId, count, false, mean, spread, comments);
    }
}
