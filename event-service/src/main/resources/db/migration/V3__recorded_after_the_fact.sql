-- Rule 3 of docs/participation.md: an event scheduled after it had started, or moved to a start that had passed,
-- is recorded after the fact, and so is its attendance. Kept as a fact of the event (an edit's time is not kept).
ALTER TABLE event ADD COLUMN recorded_after_the_fact boolean NOT NULL DEFAULT false;
UPDATE event SET recorded_after_the_fact = (starts_at + interval '5 minutes' < created_at);
