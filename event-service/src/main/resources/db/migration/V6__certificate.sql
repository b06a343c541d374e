-- Certificates of attendance for trainings (issue 17): one per person and training, with the code that verifies it.
-- The name is the one printed on it (the token's name when it was first downloaded).
CREATE TABLE certificate (
    code         TEXT        PRIMARY KEY,
    event_id     UUID        NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    person_id    TEXT        NOT NULL,
    person_name  TEXT        NOT NULL,
    minutes      INTEGER     NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, person_id)
);
