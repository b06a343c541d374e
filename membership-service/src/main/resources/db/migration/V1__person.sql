-- The people directory, one row per Keycloak user (the Keycloak user id is the person id).
CREATE TABLE person (
    id           TEXT PRIMARY KEY,
    username     TEXT        NOT NULL,
    display_name TEXT,
    email        TEXT,
    department   TEXT,
    level        TEXT,
    location     TEXT,
    manager_id   TEXT,
    weekly_hours INT         NOT NULL DEFAULT 40 CHECK (weekly_hours BETWEEN 1 AND 80),
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at   TIMESTAMPTZ NOT NULL
);
