package io.guildhall.analytics.feedback;

import io.guildhall.analytics.messaging.TopicHandler;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.event.FeedbackChanged;
import io.guildhall.contracts.event.FeedbackGiven;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

/** Ratings of events into the read model, for the communities' health score. */
@Factory
@SerdeImport(FeedbackGiven.class)
@SerdeImport(FeedbackChanged.class)
public class FeedbackHandlers {

    private final FeedbackStore store;

    public FeedbackHandlers(FeedbackStore store) {
        this.store = store;
    }

    @Singleton
    TopicHandler<FeedbackGiven> feedbackGiven() {
        return TopicHandler.of(EventCatalog.FEEDBACK_GIVEN, (event, headers, transaction) ->
                store.given(transaction, event.feedbackId(), event.eventId(), event.communityId(), event.rating(),
                        event.givenAt()));
    }

    @Singleton
    TopicHandler<FeedbackChanged> feedbackChanged() {
        return TopicHandler.of(EventCatalog.FEEDBACK_CHANGED, (event, headers, transaction) ->
                store.changed(transaction, event.feedbackId(), event.eventId(), event.communityId(), event.rating(),
                        event.changedAt()));
    }
}
