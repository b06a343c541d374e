-- Rule 4 of docs/participation.md: an attendance counts per day of the person's time zone, inside each day's
-- working window. The ledger keeps the event's start and end with the attendance so that reports can split it;
-- contributions (one date, no hours) leave them empty. Rows written before this column existed stay one-day lines
-- until a rebuild replays their events.
ALTER TABLE participation ADD COLUMN starts_at timestamptz, ADD COLUMN ends_at timestamptz;
CREATE INDEX participation_ends_at ON participation (ends_at) WHERE ends_at IS NOT NULL;
