-- The people directory, one row per Keycloak user (the Keycloak user id is the person id).
-- effective_from is the first day the current profile applies; events carry it so analytics keeps history.
CREATE TABLE person (
    id                     TEXT PRIMARY KEY,
    username               TEXT        NOT NULL,
    display_name           TEXT        NOT NULL,
    email                  TEXT,
    department             TEXT,
    level                  TEXT,
    location               TEXT,
    manager_id             TEXT,
    weekly_hours           INT         NOT NULL DEFAULT 40 CHECK (weekly_hours BETWEEN 1 AND 80),
    weekly_hours_defaulted BOOLEAN     NOT NULL DEFAULT FALSE,
    active                 BOOLEAN     NOT NULL DEFAULT TRUE,
    -- An erased person keeps only this tombstone so that a later sync does not bring their data back.
    erased                 BOOLEAN     NOT NULL DEFAULT FALSE,
    effective_from         DATE        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX person_department ON person (lower(department));

-- Replica of the community service's communities, built from guildhall.community.v1.
CREATE TABLE community (
    id          UUID PRIMARY KEY,
    slug        TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    visibility  TEXT        NOT NULL CHECK (visibility IN ('OPEN', 'REQUEST_TO_JOIN')),
    archived    BOOLEAN     NOT NULL DEFAULT FALSE,
    -- The mirrored Keycloak group, once created; renamed when the slug changes.
    keycloak_group_id TEXT,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- One row per membership period; a person has at most one open (left_at IS NULL) membership per community.
CREATE TABLE membership (
    id            UUID PRIMARY KEY,
    community_id  UUID        NOT NULL REFERENCES community (id),
    person_id     TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('MEMBER', 'LEAD')),
    route         TEXT        NOT NULL,
    joined_at     TIMESTAMPTZ NOT NULL,
    left_at       TIMESTAMPTZ,
    leave_reason  TEXT
);
CREATE UNIQUE INDEX membership_open ON membership (community_id, person_id) WHERE left_at IS NULL;
CREATE INDEX membership_person ON membership (person_id);

-- Every change to a membership, for the history the API shows and the export contains.
CREATE TABLE membership_history (
    id            BIGSERIAL PRIMARY KEY,
    community_id  UUID        NOT NULL,
    person_id     TEXT        NOT NULL,
    change        TEXT        NOT NULL,
    role          TEXT,
    detail        TEXT,
    changed_by    TEXT,
    changed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX membership_history_person ON membership_history (person_id);
CREATE INDEX membership_history_community ON membership_history (community_id);

CREATE TABLE membership_request (
    id            UUID PRIMARY KEY,
    community_id  UUID        NOT NULL REFERENCES community (id),
    person_id     TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
    reason        TEXT,
    requested_at  TIMESTAMPTZ NOT NULL,
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX membership_request_pending ON membership_request (community_id, person_id) WHERE status = 'PENDING';

CREATE TABLE contribution (
    id            UUID PRIMARY KEY,
    person_id     TEXT        NOT NULL,
    community_id  UUID        NOT NULL REFERENCES community (id),
    kind          TEXT        NOT NULL,
    work_date     DATE        NOT NULL,
    minutes       INT         NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    note          TEXT,
    logged_at     TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX contribution_person_date ON contribution (person_id, work_date);

-- Work still to do in Keycloak (realm role community-lead, group /communities/<slug>), written in the same
-- transaction as the membership change and reconciled against the current state when processed, so retries
-- after a Keycloak outage are safe and in any order.
CREATE TABLE keycloak_sync (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT        NOT NULL CHECK (kind IN ('LEAD_ROLE', 'GROUP_MEMBERSHIP')),
    person_id       TEXT        NOT NULL,
    community_id    UUID,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    done_at         TIMESTAMPTZ
);
CREATE INDEX keycloak_sync_due ON keycloak_sync (next_attempt_at) WHERE done_at IS NULL;
