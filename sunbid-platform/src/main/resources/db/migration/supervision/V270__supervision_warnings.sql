-- The supervisors' warning queue (监督预警, issue 19): one row per warning, raised once per source and key (a sweep or
-- an event delivered twice raises nothing new), seen by the supervisors whose region subtree holds its region, moved
-- through triage and investigation to a decision with its legal basis; a correction (责令改正) is tracked to its end.
CREATE TABLE supervision_warning (
    id                UUID PRIMARY KEY,
    source            VARCHAR(40)  NOT NULL,
    source_key        VARCHAR(400) NOT NULL,
    severity          VARCHAR(10)  NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    region_code       VARCHAR(20)  NOT NULL,
    project_id        UUID,
    lot_id            UUID,
    title             TEXT         NOT NULL,
    detail            TEXT,
    legal_basis       TEXT,
    evidence          JSONB        NOT NULL DEFAULT '[]',
    log_entries       BIGINT[]     NOT NULL DEFAULT '{}',
    status            VARCHAR(20)  NOT NULL CHECK (status IN ('OPEN', 'INVESTIGATING', 'CORRECTING', 'CLOSED')),
    decision          VARCHAR(20)  CHECK (decision IN ('DISMISSED', 'CORRECTED', 'REFERRED', 'SANCTIONED')),
    decision_basis    TEXT,
    decision_reason   TEXT,
    decided_at        TIMESTAMPTZ,
    decided_by        VARCHAR(100),
    correction_due    DATE,
    corrected_at      TIMESTAMPTZ,
    correction_note   TEXT,
    raised_seq        BIGINT,
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        VARCHAR(100) NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    updated_by        VARCHAR(100) NOT NULL,
    version           INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT supervision_warning_source_key UNIQUE (source, source_key)
);

CREATE INDEX supervision_warning_region ON supervision_warning (region_code, status);
CREATE INDEX supervision_warning_lot ON supervision_warning (lot_id);

-- Each step of a warning's life as it was taken (triage, notes, decision, correction), with its log entry.
CREATE TABLE supervision_warning_step (
    id          UUID PRIMARY KEY,
    warning_id  UUID         NOT NULL REFERENCES supervision_warning (id),
    kind        VARCHAR(20)  NOT NULL,
    body        TEXT,
    log_seq     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(100) NOT NULL
);

CREATE INDEX supervision_warning_step_warning ON supervision_warning_step (warning_id, created_at);
