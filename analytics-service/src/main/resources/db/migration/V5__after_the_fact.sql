-- Rule 10 of docs/participation.md: events scheduled after they had started (EventScheduled.recordedAfterTheFact,
-- or an attendance recorded for such an event) are listed as anomalies for admins and the community's leads.
CREATE TABLE after_the_fact_event (
    event_id uuid        PRIMARY KEY,
    as_of    timestamptz NOT NULL
);
