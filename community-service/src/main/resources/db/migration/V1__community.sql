CREATE TABLE community (
    id            UUID PRIMARY KEY,
    slug          TEXT        NOT NULL UNIQUE,
    name          TEXT        NOT NULL,
    description   TEXT        NOT NULL,
    practice_area TEXT        NOT NULL,
    visibility    TEXT        NOT NULL CHECK (visibility IN ('OPEN', 'REQUEST_TO_JOIN')),
    status        TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    founded_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL
);

CREATE UNIQUE INDEX community_name_unique ON community (lower(name));
CREATE INDEX community_practice_area ON community (practice_area);

CREATE TABLE community_lead (
    community_id UUID        NOT NULL REFERENCES community (id),
    person_id    TEXT        NOT NULL,
    assigned_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
