-- Events that people RSVP to and attend (trainings, sports, parties, conferences, community meetups).
CREATE TABLE event (
    id            UUID PRIMARY KEY,
    series_id     UUID,
    title         TEXT        NOT NULL,
    description   TEXT,
    type          TEXT        NOT NULL CHECK (type IN ('TRAINING', 'SPORTS', 'PARTY', 'CONFERENCE', 'COMMUNITY_MEETUP')),
    format        TEXT        NOT NULL CHECK (format IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
    location      TEXT,
    online_url    TEXT,
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    time_zone     TEXT        NOT NULL,
    capacity      INT CHECK (capacity IS NULL OR capacity > 0),
    rsvp_deadline TIMESTAMPTZ,
    organiser     TEXT        NOT NULL,
    community_id  UUID,
    status        TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED', 'COMPLETED')),
    check_in_code TEXT        NOT NULL,
    sequence      INT         NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX event_starts_at ON event (starts_at);
CREATE INDEX event_community ON event (community_id, starts_at);
CREATE INDEX event_organiser ON event (organiser, starts_at);

-- One answer per person and event. arrival orders the waitlist: it is drawn while the event row is locked,
-- so it is the order in which the RSVPs were decided.
CREATE SEQUENCE rsvp_arrival;
CREATE TABLE rsvp (
    event_id     UUID        NOT NULL REFERENCES event (id),
    person_id    TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('GOING', 'WAITLISTED', 'NOT_GOING')),
    arrival      BIGINT      NOT NULL,
    responded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);
CREATE INDEX rsvp_waitlist ON rsvp (event_id, status, arrival);
CREATE INDEX rsvp_person ON rsvp (person_id);

-- Who leads which community, replicated from guildhall.community.v1 (never asked of community-service).
CREATE TABLE community_lead (
    community_id UUID NOT NULL,
    person_id    TEXT NOT NULL,
    PRIMARY KEY (community_id, person_id)
);

-- Recorded attendance, one row per person and event; a correction overwrites minutes and is published as such.
CREATE TABLE attendance (
    event_id    UUID        NOT NULL REFERENCES event (id),
    person_id   TEXT        NOT NULL,
    minutes     INT         NOT NULL CHECK (minutes >= 0),
    method      TEXT        NOT NULL CHECK (method IN ('ORGANISER', 'SELF_CODE')),
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

-- People who were GOING and never checked in, recorded once after the event's end.
CREATE TABLE no_show (
    event_id    UUID        NOT NULL REFERENCES event (id),
    person_id   TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

-- Secret feed URLs: calendar apps cannot log in with OIDC, so the token in the URL is the credential.
-- Revoking deletes the row; the next request for the feed URL mints a new token.
CREATE TABLE calendar_feed (
    person_id  TEXT PRIMARY KEY,
    token      TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

-- Reminders published (EventReminderDue), once per person and event; a reschedule clears them to remind again.
CREATE TABLE reminder (
    event_id UUID        NOT NULL REFERENCES event (id),
    person_id TEXT       NOT NULL,
    due_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);
