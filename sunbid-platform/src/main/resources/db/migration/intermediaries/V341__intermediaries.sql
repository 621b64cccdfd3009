-- Issue 20 part I: intermediary service selection (中介超市, 中介服务一站通选).

-- The kinds of intermediary service, maintained as data (a new kind is a row, not a release).
CREATE TABLE intermediary_service_kind
(
    code       VARCHAR(40)  PRIMARY KEY,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    created_by VARCHAR(64)  NOT NULL DEFAULT 'system'
);
INSERT INTO intermediary_service_kind (code, name_zh, name_en) VALUES
    ('BIDDING_AGENCY', '招标代理', 'Tendering agency'),
    ('COST_CONSULTING', '造价咨询', 'Cost consulting'),
    ('CONSTRUCTION_SUPERVISION', '工程监理', 'Construction supervision'),
    ('DESIGN', '工程设计', 'Design'),
    ('ASSET_APPRAISAL', '资产评估', 'Asset appraisal'),
    ('SURVEYING', '测绘', 'Surveying and mapping');

-- An organisation's registration in the intermediary market, reviewed by the trading centre's staff.
CREATE TABLE intermediary
(
    organisation_id UUID         PRIMARY KEY REFERENCES organisation (id),
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    contact         VARCHAR(100) NOT NULL,
    phone           VARCHAR(40)  NOT NULL,
    introduction    VARCHAR(2000),
    review_note     VARCHAR(500),
    reviewed_by     VARCHAR(64),
    reviewed_at     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL
);

-- A qualification (资质) for one service kind: certificate, grade and validity.
CREATE TABLE intermediary_qualification
(
    id              UUID         PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES intermediary (organisation_id),
    service_kind    VARCHAR(40)  NOT NULL REFERENCES intermediary_service_kind (code),
    certificate_no  VARCHAR(100) NOT NULL,
    grade           VARCHAR(50)  NOT NULL,
    valid_from      DATE         NOT NULL,
    valid_until     DATE         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    CHECK (valid_until >= valid_from)
);
CREATE INDEX intermediary_qualification_org ON intermediary_qualification (organisation_id);

-- The regions an intermediary serves (each with its subtree).
CREATE TABLE intermediary_area
(
    organisation_id UUID        NOT NULL REFERENCES intermediary (organisation_id),
    region_code     VARCHAR(12) NOT NULL REFERENCES region (code),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64) NOT NULL,
    PRIMARY KEY (organisation_id, region_code)
);

-- Direct selection thresholds per region and service kind, dated, with their basis.
CREATE TABLE intermediary_direct_threshold
(
    id           UUID           PRIMARY KEY,
    region_code  VARCHAR(12)    NOT NULL REFERENCES region (code),
    service_kind VARCHAR(40)    REFERENCES intermediary_service_kind (code),
    max_amount   NUMERIC(18, 2) NOT NULL CHECK (max_amount >= 0),
    valid_from   DATE           NOT NULL,
    valid_until  DATE,
    basis        VARCHAR(500)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)    NOT NULL
);

-- An owner's request for a service and its selection.
CREATE TABLE intermediary_request
(
    id                UUID           PRIMARY KEY,
    owner_id          UUID           NOT NULL REFERENCES organisation (id),
    region_code       VARCHAR(12)    NOT NULL REFERENCES region (code),
    service_kind      VARCHAR(40)    NOT NULL REFERENCES intermediary_service_kind (code),
    title             VARCHAR(200)   NOT NULL,
    budget            NUMERIC(18, 2) NOT NULL CHECK (budget > 0),
    service_start     DATE           NOT NULL,
    service_end       DATE           NOT NULL,
    method            VARCHAR(20)    NOT NULL CHECK (method IN ('RANDOM_DRAW', 'LOWEST_QUOTE', 'DIRECT')),
    status            VARCHAR(20)    NOT NULL CHECK (status IN ('AWAITING_SECRET', 'QUOTING', 'SELECTED', 'FAILED', 'COMPLETED')),
    quote_deadline    TIMESTAMP WITH TIME ZONE,
    eligible_json     TEXT           NOT NULL,
    excluded_json     TEXT           NOT NULL,
    selected_id       UUID           REFERENCES organisation (id),
    selected_amount   NUMERIC(18, 2),
    selected_at       TIMESTAMP WITH TIME ZONE,
    selection_basis   VARCHAR(500),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(64)    NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(64)    NOT NULL,
    version           INT            NOT NULL DEFAULT 0,
    CHECK (service_end >= service_start)
);
CREATE INDEX intermediary_request_owner ON intermediary_request (owner_id);

-- The random draw of a request (the expert draw's algorithm, sunbid-crypto's DrawWalk with one stream).
CREATE TABLE intermediary_draw
(
    id             UUID         PRIMARY KEY,
    request_id     UUID         NOT NULL UNIQUE REFERENCES intermediary_request (id),
    pool_json      TEXT         NOT NULL,
    pool_hash      CHAR(64)     NOT NULL,
    pool_seq       BIGINT       NOT NULL,
    secret_hash    CHAR(64)     NOT NULL,
    commitment_seq BIGINT       NOT NULL,
    witnesses_json TEXT         NOT NULL,
    head_size      BIGINT       NOT NULL,
    head_root      CHAR(64)     NOT NULL,
    head_timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    head_signature TEXT         NOT NULL,
    secret_hex     CHAR(64),
    drawn_id       UUID,
    revealed_seq   BIGINT,
    drawn_at       TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64)  NOT NULL
);

-- Quotes, hidden until the request's deadline.
CREATE TABLE intermediary_quote
(
    request_id      UUID           NOT NULL REFERENCES intermediary_request (id),
    organisation_id UUID           NOT NULL REFERENCES organisation (id),
    amount          NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by    VARCHAR(64)    NOT NULL,
    PRIMARY KEY (request_id, organisation_id)
);

-- The owner's rating of the service, once per request.
CREATE TABLE intermediary_rating
(
    request_id      UUID          PRIMARY KEY REFERENCES intermediary_request (id),
    organisation_id UUID          NOT NULL REFERENCES organisation (id),
    score           INT           NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment         VARCHAR(1000),
    rated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    rated_by        VARCHAR(64)   NOT NULL
);
CREATE INDEX intermediary_rating_org ON intermediary_rating (organisation_id);
