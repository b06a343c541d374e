package io.guildhall.contracts;

/**
 * Kafka topic names: one topic per aggregate, {@code guildhall.<aggregate>.v<major>}.
 * The record key is the aggregate id, so one aggregate's events stay in order.
 */
public final class Topics {
    public static final String COMMUNITY = "guildhall.community.v1";
    public static final String PERSON = "guildhall.person.v1";
    public static final String MEMBERSHIP = "guildhall.membership.v1";
    public static final String CONTRIBUTION = "guildhall.contribution.v1";
    /** Events (trainings, meetups, ...), their RSVPs, waitlists and attendance; key = eventId. */
    public static final String EVENT = "guildhall.event.v1";
    /** Privacy-safe participation summaries derived by analytics-service; key = department. */
    public static final String PARTICIPATION = "guildhall.participation.v1";

    /** Suffix of the dead-letter topic that receives what a consumer of a topic cannot process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
