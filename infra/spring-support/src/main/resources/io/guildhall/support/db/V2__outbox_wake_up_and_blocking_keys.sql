-- The relay wakes up when rows are committed instead of waiting for its next poll: one notification per
-- inserting statement, delivered by PostgreSQL at commit (and folded into one per transaction).
CREATE FUNCTION guildhall_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('guildhall_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER guildhall_outbox_inserted AFTER INSERT ON guildhall_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION guildhall_outbox_notify();

-- A parked row now holds back the later rows of its key, so "is an earlier row of this key unsent?" must see
-- parked rows too; and the claim walks the unsent rows in seq order.
DROP INDEX guildhall_outbox_pending;
CREATE INDEX guildhall_outbox_unsent_by_key ON guildhall_outbox (topic, message_key, seq) WHERE sent_at IS NULL;
CREATE INDEX guildhall_outbox_unsent ON guildhall_outbox (seq) WHERE sent_at IS NULL;
