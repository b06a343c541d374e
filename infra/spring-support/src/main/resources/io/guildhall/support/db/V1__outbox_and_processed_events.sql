-- The shared tables of every Spring service, migrated by the support library with its own history table
-- (guildhall_support_schema_history), so that they never collide with a service's own migrations.

-- Transactional outbox: a business write and its events commit together; the relay publishes them.
CREATE TABLE guildhall_outbox (
    seq             BIGSERIAL PRIMARY KEY,
    event_id        UUID        NOT NULL UNIQUE,
    topic           TEXT        NOT NULL,
    message_key     TEXT        NOT NULL,
    ce_type         TEXT        NOT NULL,
    ce_source       TEXT        NOT NULL,
    ce_time         TIMESTAMPTZ NOT NULL,
    ce_subject      TEXT        NOT NULL,
    traceparent     TEXT,
    payload         BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    parked_at       TIMESTAMPTZ
);

CREATE INDEX guildhall_outbox_pending ON guildhall_outbox (topic, message_key, seq)
    WHERE sent_at IS NULL AND parked_at IS NULL;

-- Idempotent consumers: the first statement of a handler's transaction inserts (consumer, event_id).
CREATE TABLE guildhall_processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
