-- Communities as learnt from guildhall.community.v1. updated_at is the time of the last applied event (not the
-- wall clock) and version counts applied events, so a replay into an empty database rebuilds identical rows.
CREATE TABLE community (
    id            uuid        PRIMARY KEY,
    slug          text        NOT NULL,
    name          text        NOT NULL,
    practice_area text        NOT NULL,
    visibility    text        NOT NULL,
    founded_by    text        NOT NULL,
    founded_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL
);
