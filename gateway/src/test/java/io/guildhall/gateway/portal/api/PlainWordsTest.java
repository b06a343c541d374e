package io.guildhall.gateway.portal.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' messages of the walk-through (issue 16), as the portal says them. */
class PlainWordsTest {

    @Test
    void a_validators_messages_become_sentences_about_the_field() {
        assertThat(PlainWords.say("title", "Title", "must not be blank")).isEqualTo("Give it a title");
        assertThat(PlainWords.say("endsAt", "Ends", "must be after startsAt")).isEqualTo("The end must be after the start");
        assertThat(PlainWords.say("capacity", "Seats", "must be greater than 0")).isEqualTo("Seats must be a whole number above 0");
        assertThat(PlainWords.say("capacity", "Seats", "has a value of the wrong type or format"))
                .isEqualTo("Seats must be a whole number above 0");
        assertThat(PlainWords.say("location", "Location", "is required for IN_PERSON events"))
                .isEqualTo("Add a room or address for an in-person event");
        assertThat(PlainWords.say("onlineUrl", "Online link", "is required for ONLINE events"))
                .isEqualTo("Add the link people join with, for an online event");
        assertThat(PlainWords.say("timeZone", "Time zone", "is not a known time zone (use an IANA id such as Europe/London)"))
                .isEqualTo("Choose a time zone from the list");
        assertThat(PlainWords.say("description", "Description", "size must be between 0 and 5000"))
                .isEqualTo("Description can be at most 5000 characters long");
        assertThat(PlainWords.say("rsvpDeadline", "Answers close", "must not be after startsAt"))
                .isEqualTo("Answers must close before the event starts");
    }

    @Test
    void the_contribution_logs_and_the_join_requests_messages_too() {
        assertThat(PlainWords.say("minutes", "Minutes", "must be between 1 and 600")).isEqualTo("Minutes must be 1 to 600");
        assertThat(PlainWords.say("date", "Date", "must not be in the future (today is 2026-12-05)"))
                .isEqualTo("The date cannot be in the future");
        assertThat(PlainWords.say("date", "Date", "must be within the last 30 days")).isEqualTo("Choose a date within the last 30 days");
        assertThat(PlainWords.say("minutes", "Minutes", "would make 1020 minutes on 2026-12-03; at most 960 minutes (16 h) per day"))
                .isEqualTo("That makes 1020 minutes on that day; at most 16 hours a day count");
        assertThat(PlainWords.say("communityId", "Community", "you are not a member of this community"))
                .isEqualTo("Choose one of your communities");
        assertThat(PlainWords.say("communityId", "Community", "must not be null")).isEqualTo("Choose a community");
        assertThat(PlainWords.say("kind", "Kind", "must be one of [MENTORING, SPEAKING]")).isEqualTo("Choose one from the list");
        assertThat(PlainWords.say("reason", "Reason", "a decline needs a reason")).isEqualTo("Say why, so that the person knows");
    }

    @Test
    void co_organisers_messages_and_the_portals_own_sentences() {
        assertThat(PlainWords.say("person", "Person", "is the organiser, who runs the event already")).isEqualTo("They organise it already");
        assertThat(PlainWords.say("person", "Person", "an event has at most 10 co-organisers")).isEqualTo("An event has at most 10 co-organisers");
        assertThat(PlainWords.say("person", "Person", "No one here is called \"Zed\"")).isEqualTo("No one here is called \"Zed\"");
    }

    @Test
    void a_message_it_does_not_know_keeps_what_the_service_said_after_the_label() {
        assertThat(PlainWords.say("count", "Number of occurrences", "a series has 2 to 52 occurrences"))
                .isEqualTo("Number of occurrences: a series has 2 to 52 occurrences");
    }
}
