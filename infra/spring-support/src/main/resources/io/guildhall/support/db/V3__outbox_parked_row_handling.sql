-- Who re-sent or skipped a parked outbox row, and when: the audit of the admin endpoint.
ALTER TABLE guildhall_outbox ADD COLUMN handled_by TEXT;
ALTER TABLE guildhall_outbox ADD COLUMN handled_at TIMESTAMPTZ;
ALTER TABLE guildhall_outbox ADD COLUMN handled_action TEXT;
