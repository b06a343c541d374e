-- The analytics read model, built only from Kafka events. Every row remembers the time of the event that last set it
-- (as_of, the event's own timestamp, never the wall clock): an event older than the row's as_of is stale and changes
-- nothing, so events may arrive in any order across topics and a replay into an empty database rebuilds equal rows.

-- Effective-dated person dimension: one row per person and first day a profile applies (PersonRegistered,
-- PersonProfileChanged, PersonDeactivated). A day's participation belongs to the row with the latest
-- effective_from <= that day.
CREATE TABLE person_profile (
    person_id      text        NOT NULL,
    effective_from date        NOT NULL,
    department     text,
    level          text,
    location       text,
    weekly_hours   integer     NOT NULL,
    active         boolean     NOT NULL,
    as_of          timestamptz NOT NULL,
    PRIMARY KEY (person_id, effective_from)
);

-- People erased (PersonErased). The id is kept only as a SHA-256 hex digest so that an event about them that
-- arrives late is anonymised too; pseudonym is what replaced their id everywhere (derived from the erasure's
-- event id, so a replay yields the same pseudonym).
CREATE TABLE person_erasure (
    person_id_sha256 text        PRIMARY KEY,
    pseudonym        text        NOT NULL,
    erased_at        timestamptz NOT NULL
);

-- The participation ledger: one row per attendance (source ATTENDANCE, source_id = eventId + '/' + personId) or
-- contribution (source CONTRIBUTION, source_id = contributionId). Corrections replace minutes; a withdrawn
-- attendance or a deleted contribution keeps its row with minutes 0 so that an older event cannot bring it back.
CREATE TABLE participation (
    source       text        NOT NULL CHECK (source IN ('ATTENDANCE', 'CONTRIBUTION')),
    source_id    text        NOT NULL,
    person_id    text        NOT NULL,
    on_date      date        NOT NULL,  -- attendance: start date in the organisation's time zone; contribution: its date
    category     text        NOT NULL,  -- event category (TRAINING, ...) or contribution kind (MENTORING, ...)
    direction    text        NOT NULL CHECK (direction IN ('GIVING', 'TAKING')),  -- attendance is TAKING
    community_id uuid,
    event_id     uuid,
    minutes      integer     NOT NULL CHECK (minutes >= 0),
    as_of        timestamptz NOT NULL,
    PRIMARY KEY (source, source_id)
);
CREATE INDEX participation_person_date ON participation (person_id, on_date);
CREATE INDEX participation_community_date ON participation (community_id, on_date);
CREATE INDEX participation_event ON participation (event_id);

-- Calendar events as scheduled, rescheduled or cancelled. A row may first be created by an RSVP or attendance that
-- arrived before EventScheduled (scheduled = false until it comes).
CREATE TABLE calendar_event (
    event_id     uuid        PRIMARY KEY,
    community_id uuid,
    category     text,
    organiser_id text,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    time_zone    text        NOT NULL,
    capacity     integer,
    scheduled    boolean     NOT NULL,
    cancelled    boolean     NOT NULL DEFAULT false,
    as_of        timestamptz NOT NULL
);
CREATE INDEX calendar_event_community ON calendar_event (community_id, starts_at);

-- Each person's latest answer to an event: GOING, WAITLISTED, NOT_GOING, CANCELLED; no_show once NoShowRecorded.
CREATE TABLE rsvp (
    event_id  uuid        NOT NULL,
    person_id text        NOT NULL,
    status    text        NOT NULL,
    no_show   boolean     NOT NULL DEFAULT false,
    as_of     timestamptz NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

-- Memberships (guildhall.membership.v1): left_at is set when the person left; role MEMBER or LEAD.
CREATE TABLE membership (
    community_id uuid        NOT NULL,
    person_id    text        NOT NULL,
    role         text        NOT NULL,
    joined_at    timestamptz,
    left_at      timestamptz,
    as_of        timestamptz NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX membership_person ON membership (person_id);

-- Who leads which community (CommunityFounded.foundedBy, LeadAssigned, LeadRemoved): gates the community report.
CREATE TABLE community_lead (
    community_id uuid        NOT NULL,
    person_id    text        NOT NULL,
    active       boolean     NOT NULL,
    as_of        timestamptz NOT NULL,
    PRIMARY KEY (community_id, person_id)
);

-- Goals and their latest derived status (GoalSet, GoalUpdated, GoalStatusChanged).
CREATE TABLE goal (
    goal_id      uuid        PRIMARY KEY,
    community_id uuid        NOT NULL,
    title        text        NOT NULL,
    metric       text        NOT NULL,
    due_date     date        NOT NULL,
    status       text        NOT NULL,
    as_of        timestamptz NOT NULL
);
CREATE INDEX goal_community ON goal (community_id);

ALTER TABLE community ADD COLUMN archived boolean NOT NULL DEFAULT false;
