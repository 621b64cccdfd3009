-- The life of a credit record after it is made (issue 20, part K): its decision time and whether it is for false repair
-- material (信用修复管理办法 Art. 25, never repairable), the log entry of its publication's automatic end (made once by
-- the publication job), repairs (信用修复, Art. 16) and objections (异议, Art. 18) with their working-day deadlines,
-- and score rules per region as data.
ALTER TABLE credit_record
    ADD COLUMN decided_at          TIMESTAMPTZ,
    ADD COLUMN false_material      BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN publication_end_seq BIGINT;

-- A repair application: APPLIED → ACCEPTED (≤3 working days) → APPROVED / REFUSED (≤7 working days), or REFUSED at intake.
CREATE TABLE credit_repair (
    id              UUID        PRIMARY KEY,
    record_id       UUID        NOT NULL REFERENCES credit_record (id),
    organisation_id UUID        NOT NULL,
    reason          TEXT        NOT NULL,
    documents       TEXT[]      NOT NULL DEFAULT '{}',
    status          TEXT        NOT NULL CHECK (status IN ('APPLIED', 'ACCEPTED', 'APPROVED', 'REFUSED')),
    accept_due      DATE        NOT NULL,
    decide_due      DATE,
    accepted_at     TIMESTAMPTZ,
    accepted_by     TEXT,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    decision_reason TEXT,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX credit_repair_record ON credit_repair (record_id);
-- one open application per record at a time
CREATE UNIQUE INDEX credit_repair_open ON credit_repair (record_id) WHERE status IN ('APPLIED', 'ACCEPTED');

-- An objection to a record (异议): FILED → UPHELD (record withdrawn) / DISMISSED, within 7 working days.
CREATE TABLE credit_objection (
    id              UUID        PRIMARY KEY,
    record_id       UUID        NOT NULL REFERENCES credit_record (id),
    organisation_id UUID        NOT NULL,
    reason          TEXT        NOT NULL,
    documents       TEXT[]      NOT NULL DEFAULT '{}',
    status          TEXT        NOT NULL CHECK (status IN ('FILED', 'UPHELD', 'DISMISSED')),
    decide_due      DATE        NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    decision_reason TEXT,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX credit_objection_record ON credit_objection (record_id);
CREATE UNIQUE INDEX credit_objection_open ON credit_objection (record_id) WHERE status = 'FILED';

-- A region's credit score rule (信用评分): base minus points per class of each record published at the time.
CREATE TABLE credit_score_rule (
    region_code    TEXT        NOT NULL,
    effective_from DATE        NOT NULL,
    base           INTEGER     NOT NULL CHECK (base > 0),
    minor_points   INTEGER     NOT NULL CHECK (minor_points >= 0),
    general_points INTEGER     NOT NULL CHECK (general_points >= 0),
    serious_points INTEGER     NOT NULL CHECK (serious_points >= 0),
    basis          TEXT        NOT NULL,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (region_code, effective_from)
);
