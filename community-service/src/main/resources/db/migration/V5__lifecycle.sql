-- Community lifecycle (issue 17): a community with no event for the inactivity period becomes INACTIVE until a lead
-- renews it or an event is scheduled. Its last sign of life: its founding, its latest event's start, its last renewal.
ALTER TABLE community ADD COLUMN last_activity_at TIMESTAMPTZ;
UPDATE community SET last_activity_at = created_at;
ALTER TABLE community ALTER COLUMN last_activity_at SET NOT NULL;
ALTER TABLE community ALTER COLUMN last_activity_at SET DEFAULT now();
CREATE INDEX community_lifecycle ON community (status, last_activity_at);
ALTER TABLE community DROP CONSTRAINT community_status_check;
ALTER TABLE community ADD CONSTRAINT community_status_check CHECK (status IN ('ACTIVE', 'INACTIVE', 'ARCHIVED'));
