-- People who help the organiser run an event (issue 17): they check people in and see the attendees, and see the
-- online link and who is going; they cannot edit, cancel or delete the event.
CREATE TABLE co_organiser (
    event_id   UUID        NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    person_id  TEXT        NOT NULL,
    added_by   TEXT        NOT NULL,
    added_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);
CREATE INDEX co_organiser_person ON co_organiser (person_id);
