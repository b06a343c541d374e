-- Which rows changed since a moment, for the aggregates the reports read (issue 18, report/CountedDays): every row of
-- the tables the day rules read remembers the transaction that last wrote it. A reader keeps the snapshot of its last
-- look (pg_current_snapshot()) and asks for rows whose transaction that snapshot did not see: exact whatever the order
-- in which concurrent transactions commit, which a sequence number is not.
CREATE FUNCTION remember_writing_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.written_by := pg_current_xact_id();
    RETURN NEW;
END $$;

ALTER TABLE participation ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE person_profile ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE calendar_event ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE person_erasure ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();

-- Inserts take the default; updates (upserts, corrections, erasures) the trigger. The rebuild's shadow tables get the
-- same triggers (ShadowRebuild copies them).
CREATE TRIGGER participation_written_by BEFORE UPDATE ON participation
    FOR EACH ROW EXECUTE FUNCTION remember_writing_transaction();
CREATE TRIGGER person_profile_written_by BEFORE UPDATE ON person_profile
    FOR EACH ROW EXECUTE FUNCTION remember_writing_transaction();
CREATE TRIGGER calendar_event_written_by BEFORE UPDATE ON calendar_event
    FOR EACH ROW EXECUTE FUNCTION remember_writing_transaction();
CREATE TRIGGER person_erasure_written_by BEFORE UPDATE ON person_erasure
    FOR EACH ROW EXECUTE FUNCTION remember_writing_transaction();

CREATE INDEX participation_written_by ON participation (written_by);
CREATE INDEX person_profile_written_by ON person_profile (written_by);
CREATE INDEX calendar_event_written_by ON calendar_event (written_by);
CREATE INDEX calendar_event_ends_at ON calendar_event (ends_at);
