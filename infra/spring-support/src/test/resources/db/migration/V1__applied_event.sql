-- What the test consumer applied: one row per handled event.
CREATE TABLE applied_event (
    event_id     TEXT PRIMARY KEY,
    community_id UUID NOT NULL
);
