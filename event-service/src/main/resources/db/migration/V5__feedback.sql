-- An attendee's rating of an event they were checked in at (issue 17): one per person and event, editable for
-- 14 days after the end. The person is kept only so that they can change it; nobody else ever reads it with them.
CREATE TABLE feedback (
    id          UUID        PRIMARY KEY,
    event_id    UUID        NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    person_id   TEXT        NOT NULL,
    rating      SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT,
    given_at    TIMESTAMPTZ NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, person_id)
);
