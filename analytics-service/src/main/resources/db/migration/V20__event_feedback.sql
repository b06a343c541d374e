-- Ratings of events (issue 17): FeedbackGiven and FeedbackChanged, anonymous (a feedback id, never a person). They
-- feed a community's health score: the mean rating of its events held in the period, from 5 ratings on.
CREATE TABLE event_feedback (
    feedback_id  UUID        PRIMARY KEY,
    event_id     UUID        NOT NULL,
    community_id UUID,
    rating       SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    changed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_feedback_event ON event_feedback (event_id);
