-- The expert database grows up (准入/退出, leave, qualifications, ratings) and the verifiable draw (专家随机抽取).

ALTER TABLE expert DROP CONSTRAINT expert_status_check;
ALTER TABLE expert ADD CONSTRAINT expert_status_check
    CHECK (status IN ('APPLYING', 'ACTIVE', 'SUSPENDED', 'BLACKLISTED', 'RETIRED', 'REJECTED'));
-- The number the notifier calls (voice/SMS); an expert without one cannot be drawn.
ALTER TABLE expert ADD COLUMN phone VARCHAR(20);

-- Every status an expert has had, with who changed it and why (准入、暂停、退出、黑名单 ...).
CREATE TABLE expert_status_change
(
    id          BIGSERIAL    PRIMARY KEY,
    expert_id   UUID         NOT NULL REFERENCES expert (id),
    from_status VARCHAR(12),
    to_status   VARCHAR(12)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(64)  NOT NULL
);
CREATE INDEX expert_status_change_expert ON expert_status_change (expert_id, id);

-- Professional qualifications (职称证书、注册执业资格).
CREATE TABLE expert_qualification
(
    id          UUID         PRIMARY KEY,
    expert_id   UUID         NOT NULL REFERENCES expert (id),
    name        VARCHAR(100) NOT NULL,
    number      VARCHAR(64)  NOT NULL,
    valid_until DATE
);
CREATE INDEX expert_qualification_expert ON expert_qualification (expert_id);

-- Leave (请假): an expert is not drawn for an evaluation that starts within one.
CREATE TABLE expert_leave
(
    id         UUID         PRIMARY KEY,
    expert_id  UUID         NOT NULL REFERENCES expert (id),
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL CHECK (ends_at > starts_at),
    reason     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX expert_leave_expert ON expert_leave (expert_id, ends_at);

-- Draw and conduct rules per region (maintained data): a draw takes the policy of its tender's region or the nearest
-- region above it; without any, the platform's defaults.
CREATE TABLE expert_policy
(
    region_code                VARCHAR(12) PRIMARY KEY REFERENCES region (code),
    max_sittings_per_month     INT NOT NULL CHECK (max_sittings_per_month >= 1),
    max_sittings_per_tenderee  INT NOT NULL CHECK (max_sittings_per_tenderee >= 1),
    tenderee_window_days       INT NOT NULL CHECK (tenderee_window_days >= 1),
    reply_timeout_minutes      INT NOT NULL CHECK (reply_timeout_minutes >= 1),
    draw_lead_minutes          INT NOT NULL CHECK (draw_lead_minutes >= 10),
    suspend_after_violations   INT NOT NULL CHECK (suspend_after_violations >= 1),
    blacklist_after_violations INT CHECK (blacklist_after_violations >= 1),
    violation_window_days      INT NOT NULL CHECK (violation_window_days >= 1),
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                 VARCHAR(64) NOT NULL
);

-- A draw request for one tender's evaluation and what became of it. The supervisor's secret is kept encrypted by the
-- draw service (data/keys) until it is published with the record after the evaluation.
CREATE TABLE expert_draw
(
    id                UUID         PRIMARY KEY,
    tender_id         UUID         NOT NULL REFERENCES tender (id),
    region_code       VARCHAR(12)  NOT NULL REFERENCES region (code),
    evaluation_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    evaluation_venue  VARCHAR(200) NOT NULL,
    draw_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    representatives   INT          NOT NULL CHECK (representatives >= 0),
    specialties       TEXT         NOT NULL, -- canonical JSON [{code, count}] in the request's order
    pool_regions      TEXT         NOT NULL, -- canonical JSON [region codes]
    manual_avoidance  TEXT         NOT NULL, -- canonical JSON [expert ids]
    status            VARCHAR(12)  NOT NULL CHECK (status IN ('REQUESTED', 'SCHEDULED', 'NOTIFYING', 'COMPLETE', 'SHORT',
                                                              'PUBLISHED', 'CANCELLED')),
    shortfall         VARCHAR(500),
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by      VARCHAR(64)  NOT NULL,
    secret_sealed     BYTEA,
    secret_hash       VARCHAR(64),
    commitment_seq    BIGINT,
    committed_by      VARCHAR(64),
    pool_json         TEXT,
    avoided_json      TEXT,
    pool_hash         VARCHAR(64),
    pool_seq          BIGINT,
    head_size         BIGINT,
    head_root         VARCHAR(64),
    head_timestamp    TIMESTAMP WITH TIME ZONE,
    head_signature    TEXT,
    drawn_at          TIMESTAMP WITH TIME ZONE,
    completed_at      TIMESTAMP WITH TIME ZONE,
    published_at      TIMESTAMP WITH TIME ZONE,
    published_seq     BIGINT,
    version           INT          NOT NULL DEFAULT 0
);
CREATE INDEX expert_draw_tender ON expert_draw (tender_id);
CREATE INDEX expert_draw_due ON expert_draw (status, draw_at);

-- Each expert contacted, in order. Who it is stays encrypted (expert_sealed) until the expert signs in at the
-- evaluation; expert_index (a keyed SM3 MAC) lets the draw service find an expert's own draws and count sittings.
CREATE TABLE expert_draw_contact
(
    id                 UUID         PRIMARY KEY,
    draw_id            UUID         NOT NULL REFERENCES expert_draw (id),
    position           INT          NOT NULL,
    specialty_code     VARCHAR(20)  NOT NULL REFERENCES specialty (code),
    expert_sealed      BYTEA        NOT NULL,
    expert_index       VARCHAR(64)  NOT NULL,
    reply_index        VARCHAR(64)  NOT NULL UNIQUE,
    outcome            VARCHAR(10)  NOT NULL CHECK (outcome IN ('PENDING', 'ACCEPTED', 'DECLINED', 'NO_ANSWER')),
    notified_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    answer_due         TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at        TIMESTAMP WITH TIME ZONE,
    signed_in_at       TIMESTAMP WITH TIME ZONE,
    revealed_expert_id UUID         REFERENCES expert (id),
    UNIQUE (draw_id, position)
);
CREATE INDEX expert_draw_contact_expert ON expert_draw_contact (expert_index);
CREATE INDEX expert_draw_contact_pending ON expert_draw_contact (outcome, answer_due);

-- Conduct ratings after an evaluation, by the tenderee's side and by centre staff (评价); violations feed the status rules.
CREATE TABLE expert_rating
(
    id         UUID         PRIMARY KEY,
    draw_id    UUID         NOT NULL REFERENCES expert_draw (id),
    expert_id  UUID         NOT NULL REFERENCES expert (id),
    rater_role VARCHAR(20)  NOT NULL,
    rated_by   VARCHAR(64)  NOT NULL,
    score      INT          NOT NULL CHECK (score BETWEEN 1 AND 5),
    violations TEXT         NOT NULL, -- canonical JSON [codes]
    note       VARCHAR(500),
    rated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (draw_id, expert_id, rater_role)
);
CREATE INDEX expert_rating_expert ON expert_rating (expert_id, rated_at);

-- The sandbox notifier's phones: what it "sent" and what the expert replied (demonstration only).
CREATE TABLE sandbox_phone_message
(
    id         UUID         PRIMARY KEY,
    phone      VARCHAR(20)  NOT NULL,
    text       VARCHAR(500) NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reply      VARCHAR(40),
    replied_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sandbox_phone_message_phone ON sandbox_phone_message (phone, sent_at);
