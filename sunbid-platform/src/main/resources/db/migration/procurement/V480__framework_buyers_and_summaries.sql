-- Issue 22 (session 11): who may order under a framework agreement (适用范围) and its periodic order summaries.

-- The agreement's buyers: named budget units, or every budget unit of a region (and the regions inside it). Each row is
-- one or the other. An agreement made before this migration is taken to cover its own region, as the platform did.
CREATE TABLE framework_buyer
(
    agreement_id    UUID        NOT NULL REFERENCES framework_agreement (id),
    seq             INT         NOT NULL CHECK (seq > 0),
    organisation_id UUID,
    region_code     VARCHAR(20),
    CHECK ((organisation_id IS NULL) <> (region_code IS NULL)),
    PRIMARY KEY (agreement_id, seq)
);
INSERT INTO framework_buyer (agreement_id, seq, region_code) SELECT id, 1, region_code FROM framework_agreement;

-- One order summary (成交结果汇总公告) per agreement and period, published once: the primary key is what makes the
-- scheduled publication idempotent across restarts and nodes. MONTH: a calendar month of the term (Beijing), clipped
-- to the term; TERM: the whole term, after it ends.
CREATE TABLE framework_summary
(
    agreement_id UUID           NOT NULL REFERENCES framework_agreement (id),
    period       VARCHAR(10)    NOT NULL CHECK (period IN ('MONTH', 'TERM')),
    period_start TIMESTAMP WITH TIME ZONE NOT NULL,
    period_end   TIMESTAMP WITH TIME ZONE NOT NULL CHECK (period_end > period_start),
    notice_id    UUID           NOT NULL UNIQUE,
    orders       INT            NOT NULL CHECK (orders >= 0),
    total        NUMERIC(18, 2) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)    NOT NULL,
    PRIMARY KEY (agreement_id, period, period_start)
);
