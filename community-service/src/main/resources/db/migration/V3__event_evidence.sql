-- Replica of attendance at community events, from event-service's events: the evidence behind goals that measure
-- sessions held, unique attendees and hours invested. One row per event and person; a correction overwrites it.
CREATE TABLE evidence_attendance (
    event_id     UUID        NOT NULL,
    person_id    TEXT        NOT NULL,
    community_id UUID        NOT NULL,
    starts_at    TIMESTAMPTZ NOT NULL,
    minutes      INTEGER     NOT NULL CHECK (minutes >= 0),
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

CREATE INDEX evidence_attendance_community ON evidence_attendance (community_id, starts_at);
