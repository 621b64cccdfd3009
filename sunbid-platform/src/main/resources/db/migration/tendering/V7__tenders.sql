-- Tenders (招标项目) and what happens to them before the bid deadline.
CREATE TABLE tender
(
    id                        UUID          PRIMARY KEY,
    project_code              VARCHAR(40)   NOT NULL UNIQUE,
    name                      VARCHAR(200)  NOT NULL,
    category                  VARCHAR(50)   NOT NULL,
    tenderee_id               UUID          NOT NULL REFERENCES organisation (id),
    agency_id                 UUID          REFERENCES organisation (id),
    region_code               VARCHAR(12)   NOT NULL REFERENCES region (code),
    estimated_price           NUMERIC(16, 2) NOT NULL CHECK (estimated_price > 0),
    deposit                   NUMERIC(16, 2) NOT NULL CHECK (deposit >= 0),
    qualification             TEXT          NOT NULL,
    evaluation_method         VARCHAR(30)   NOT NULL,
    bid_deadline              TIMESTAMP WITH TIME ZONE NOT NULL,
    opening_venue             VARCHAR(200)  NOT NULL,
    bid_validity_days         INT           NOT NULL,
    documents_available_until TIMESTAMP WITH TIME ZONE NOT NULL,
    notice                    TEXT          NOT NULL,
    status                    VARCHAR(20)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUSPENDED', 'BIDDING_CLOSED', 'TERMINATED')),
    published_at              TIMESTAMP WITH TIME ZONE,
    suspended_at              TIMESTAMP WITH TIME ZONE,
    version                   BIGINT        NOT NULL DEFAULT 0,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                VARCHAR(64)   NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                VARCHAR(64)   NOT NULL
);
CREATE INDEX tender_region_idx ON tender (region_code);
CREATE INDEX tender_status_deadline_idx ON tender (status, bid_deadline);

CREATE TABLE tender_lot
(
    tender_id       UUID           NOT NULL REFERENCES tender (id),
    position        INT            NOT NULL,
    name            VARCHAR(200)   NOT NULL,
    estimated_price NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (tender_id, position)
);

CREATE TABLE tender_clarification
(
    id                  UUID        PRIMARY KEY,
    tender_id           UUID        NOT NULL REFERENCES tender (id),
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    text                TEXT        NOT NULL,
    affects_preparation BOOLEAN     NOT NULL,
    deadline_moved_to   TIMESTAMP WITH TIME ZONE,
    created_by          VARCHAR(64) NOT NULL
);
CREATE INDEX tender_clarification_tender_idx ON tender_clarification (tender_id);

CREATE TABLE tender_objection
(
    id          UUID        PRIMARY KEY,
    tender_id   UUID        NOT NULL REFERENCES tender (id),
    raised_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    objector_id UUID        NOT NULL REFERENCES organisation (id),
    text        TEXT        NOT NULL,
    answer_due  TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE,
    answer      TEXT,
    created_by  VARCHAR(64) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64) NOT NULL
);
CREATE INDEX tender_objection_tender_idx ON tender_objection (tender_id);
