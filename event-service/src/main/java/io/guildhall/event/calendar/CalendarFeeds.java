package io.guildhall.event.calendar;

import io.guildhall.event.event.Event;
import io.guildhall.event.event.EventStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** Personal feeds: the caller's GOING and WAITLISTED events of the last 30 days and the future, cancelled ones included. */
@Service
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record FeedUrl(String url) {
    }

    private final CalendarFeedStore feeds;
    private final EventStore events;
    private final Clock clock;

    public CalendarFeeds(CalendarFeedStore feeds, EventStore events, Clock clock) {
        this.feeds = feeds;
        this.events = events;
        this.clock = clock;
    }

    public Mono<FeedUrl> urlOf(String person) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return feeds.tokenOf(person, fresh, clock.instant()).map(token -> new FeedUrl("/api/calendar/feeds/" + token + ".ics"));
    }

    public Mono<Void> revoke(String person) {
        return feeds.revoke(person);
    }

    /** Empty when the token is unknown or revoked. */
    public Mono<List<Event>> eventsOf(String token) {
        return feeds.personOf(token)
                .flatMap(person -> events.answeredBy(person, clock.instant().minus(Duration.ofDays(30)), 1000).collectList());
    }
}
