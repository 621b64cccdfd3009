-- Venues and on-site evidence (场地预约, issue 20): the trading centre's rooms per region, their bookings for a lot's
-- opening and evaluation, the sign-in readers in the rooms, the sign-ins they report and the AV recordings of a session.
-- A room is never booked twice for overlapping times: the exclusion constraint below decides, whatever the callers race.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE venue_room (
    id          UUID        PRIMARY KEY,
    region_code TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('OPENING_HALL', 'EVALUATION_ROOM', 'REMOTE_SEAT')),
    isolated    BOOLEAN     NOT NULL DEFAULT FALSE,
    capacity    INTEGER     NOT NULL CHECK (capacity > 0),
    serves_region TEXT,
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (region_code, name),
    CHECK (kind = 'EVALUATION_ROOM' OR NOT isolated),
    CHECK (kind = 'REMOTE_SEAT' OR serves_region IS NULL)
);

CREATE TABLE venue_booking (
    id              UUID        PRIMARY KEY,
    room_id         UUID        NOT NULL REFERENCES venue_room (id),
    lot_id          UUID        NOT NULL,
    region_code     TEXT        NOT NULL,
    purpose         TEXT        NOT NULL CHECK (purpose IN ('OPENING', 'EVALUATION')),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    during          TSTZRANGE   GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
    -- the bid deadline the times were set against; a moved deadline moves the booking by the difference
    deadline_basis  TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('BOOKED', 'FLAGGED', 'CANCELLED')),
    flag_reason     TEXT,
    wanted_start    TIMESTAMPTZ,
    wanted_end      TIMESTAMPTZ,
    organisation_id UUID,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    changed_by      TEXT        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (status <> 'FLAGGED' OR flag_reason IS NOT NULL),
    CONSTRAINT venue_booking_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE INDEX venue_booking_lot ON venue_booking (lot_id);

-- A sign-in reader (fingerprint or card) in a room, authenticated by a token whose SM3 hash is kept (the token itself
-- is shown once, when the reader is registered).
CREATE TABLE venue_device (
    id          UUID        PRIMARY KEY,
    room_id     UUID        NOT NULL REFERENCES venue_room (id),
    kind        TEXT        NOT NULL CHECK (kind IN ('FINGERPRINT', 'CARD')),
    name        TEXT        NOT NULL,
    token_sm3   TEXT        NOT NULL,
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE venue_sign_in (
    id           UUID        PRIMARY KEY,
    booking_id   UUID        NOT NULL REFERENCES venue_booking (id),
    lot_id       UUID        NOT NULL,
    device_id    UUID        NOT NULL REFERENCES venue_device (id),
    method       TEXT        NOT NULL CHECK (method IN ('FINGERPRINT', 'CARD')),
    person_kind  TEXT        NOT NULL CHECK (person_kind IN ('EXPERT', 'OWNER_REPRESENTATIVE', 'BIDDER_REPRESENTATIVE', 'SUPERVISOR', 'STAFF')),
    person_ref   TEXT        NOT NULL,
    person_name  TEXT        NOT NULL,
    signed_at    TIMESTAMPTZ NOT NULL,
    read_at      TIMESTAMPTZ,
    sealed       BOOLEAN     NOT NULL,
    log_seq      BIGINT,
    disclosed_seq BIGINT,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX venue_sign_in_lot ON venue_sign_in (lot_id);

-- The AV recording of a session (音视频记录): where it is kept and its SM3 hash, so the file can be checked later.
CREATE TABLE venue_recording (
    id          UUID        PRIMARY KEY,
    booking_id  UUID        NOT NULL REFERENCES venue_booking (id),
    lot_id      UUID        NOT NULL,
    sm3         TEXT        NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
    location    TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ NOT NULL,
    log_seq     BIGINT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (booking_id, sm3),
    CHECK (ended_at > started_at)
);

-- Lots whose evaluation ended (the candidates went public): their experts' sign-ins are no longer secret.
CREATE TABLE venue_session_end (
    lot_id    UUID        PRIMARY KEY,
    ended_at  TIMESTAMPTZ NOT NULL
);
