-- Charter, sponsor and archive trail of a community; goals with their check-in history.
ALTER TABLE community
    ADD COLUMN purpose         TEXT,
    ADD COLUMN scope           TEXT,
    ADD COLUMN ways_of_working TEXT,
    ADD COLUMN sponsor_id      TEXT,
    ADD COLUMN archived_by     TEXT,
    ADD COLUMN archived_at     TIMESTAMPTZ;

CREATE INDEX community_lead_person ON community_lead (person_id);

CREATE TABLE goal (
    id            UUID PRIMARY KEY,
    community_id  UUID          NOT NULL REFERENCES community (id),
    title         TEXT          NOT NULL,
    description   TEXT,
    metric        TEXT          NOT NULL CHECK (metric IN ('SESSIONS_HELD', 'UNIQUE_ATTENDEES', 'HOURS_INVESTED', 'MEMBERS', 'CUSTOM')),
    unit          TEXT,
    baseline      NUMERIC(14, 2) NOT NULL,
    target        NUMERIC(14, 2) NOT NULL CHECK (target <> baseline),
    current_value NUMERIC(14, 2) NOT NULL,
    start_date    DATE          NOT NULL,
    due_date      DATE          NOT NULL,
    owner_id      TEXT          NOT NULL,
    status        TEXT          NOT NULL CHECK (status IN ('ON_TRACK', 'AT_RISK', 'ACHIEVED', 'OVERDUE', 'MISSED')),
    created_by    TEXT          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    version       BIGINT        NOT NULL
);

CREATE INDEX goal_community ON goal (community_id);
CREATE INDEX goal_open_status ON goal (status) WHERE status NOT IN ('ACHIEVED', 'MISSED');

CREATE TABLE goal_check_in (
    id          UUID PRIMARY KEY,
    goal_id     UUID          NOT NULL REFERENCES goal (id),
    value       NUMERIC(14, 2) NOT NULL,
    as_of       DATE          NOT NULL,
    comment     TEXT,
    source      TEXT          NOT NULL CHECK (source IN ('CHECK_IN', 'EVENT_EVIDENCE')),
    author_id   TEXT,
    reported_at TIMESTAMPTZ   NOT NULL
);

CREATE INDEX goal_check_in_goal ON goal_check_in (goal_id, as_of, reported_at);
