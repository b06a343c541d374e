-- A rebuild of the read model into a shadow schema, and how far it got: readable from every instance
-- (GET /api/analytics/admin/rebuild), whichever one runs it. A cancel asked on any instance is seen by the runner.
CREATE TABLE rebuild_run (
    id               UUID        PRIMARY KEY,
    state            TEXT        NOT NULL CHECK (state IN ('BUILDING', 'SWITCHING', 'DONE', 'FAILED', 'CANCELLED')),
    instance         TEXT        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    events_applied   BIGINT      NOT NULL DEFAULT 0,
    events_total     BIGINT      NOT NULL DEFAULT 0,
    lag              BIGINT      NOT NULL DEFAULT 0,
    events_per_second DOUBLE PRECISION NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    error            TEXT
);
CREATE INDEX rebuild_run_started ON rebuild_run (started_at DESC);
