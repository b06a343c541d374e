-- Events that people RSVP to and attend (trainings, sports, parties, conferences, community meetups).
CREATE TABLE event (
    id           UUID PRIMARY KEY,
    title        TEXT        NOT NULL,
    description  TEXT        NOT NULL,
    type         TEXT        NOT NULL CHECK (type IN ('TRAINING', 'SPORTS', 'PARTY', 'CONFERENCE', 'COMMUNITY_MEETUP')),
    format       TEXT        NOT NULL CHECK (format IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
    location     TEXT,
    online_link  TEXT,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    time_zone    TEXT        NOT NULL,
    capacity     INT CHECK (capacity IS NULL OR capacity > 0),
    organiser    TEXT        NOT NULL,
    community_id UUID,
    status       TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED', 'COMPLETED')),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL,
    CHECK (ends_at > starts_at)
);
