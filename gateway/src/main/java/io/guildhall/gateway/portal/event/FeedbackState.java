package io.guildhall.gateway.portal.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event page's "How was it?" card: for someone checked in at the event (event-service's
 * {@code GET /api/events/{id}/feedback/mine}: 403 for anyone else), their rating to give or, until 14 days after the
 * end, to change.
 *
 * @param mayGive whether the viewer was checked in and so gives feedback
 * @param mine    their feedback, null when none yet
 */
public record FeedbackState(boolean mayGive, Mine mine) {

    static final FeedbackState NONE = new FeedbackState(false, null);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mine(int rating, String comment, Instant editableUntil) {

        public boolean editable(Instant now) {
            return editableUntil != null && !now.isAfter(editableUntil);
        }
    }

    /** The organiser's and leads' anonymous summary ({@code GET /api/events/{id}/feedback}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(long count, boolean suppressed, Double mean, Map<Integer, Integer> distribution,
                          List<String> comments) {
    }

    static Mono<FeedbackState> of(ApiClient api, EventDetail event, Instant now) {
        if (event.isCancelled() || now.isBefore(event.startsAt().minusSeconds(30 * 60))) {
            return Mono.just(NONE);
        }
        return api.object(Service.EVENT, Mine.class, "/api/events/{id}/feedback/mine", event.id())
                .map(mine -> new FeedbackState(true, mine))
                .onErrorResume(ApiProblemException.class, e -> e.status() == 404 ? Mono.just(new FeedbackState(true, null))
                        : e.status() == 403 ? Mono.just(NONE) : Mono.error(e));
    }

    public static Mono<Summary> summary(ApiClient api, UUID event) {
        return api.object(Service.EVENT, Summary.class, "/api/events/{id}/feedback", event);
    }
}
