-- Filing of tender documents with the supervisor before publication (招标文件备案, issue 15), where a region's rules
-- require it.
--
-- The rule is maintained data per region, inherited down the region tree: a tender takes the rule of its own region
-- or of the nearest region above it that sets one for its procedure (a procedure code such as GCJS_OPEN_TENDER, a kind
-- prefix such as GCJS, or '*' for every procedure; the most specific wins within a region). A region turns filing off
-- below a region that requires it with a row whose "required" is false. Each version has its effective dates (Beijing
-- dates, both included) and the supervisor's time limit with its unit (日 / 工作日) and legal basis.
CREATE TABLE tender_filing_rule
(
    region_code    VARCHAR(12)    NOT NULL REFERENCES region (code),
    applies_to     VARCHAR(40)    NOT NULL,
    required       BOOLEAN        NOT NULL,
    review_amount  NUMERIC(16, 2) NOT NULL CHECK (review_amount > 0),
    review_unit    VARCHAR(12)    NOT NULL CHECK (review_unit IN ('DAY', 'WORKING_DAY')),
    basis          VARCHAR(300)   NOT NULL,
    effective_from DATE           NOT NULL,
    effective_to   DATE           CHECK (effective_to IS NULL OR effective_to >= effective_from),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(64)    NOT NULL,
    PRIMARY KEY (region_code, applies_to, effective_from)
);

-- One row per filing: who filed which documents (name and SM3 of each, and the SM3 of that list) with which
-- supervision department, and by when the department decides. A returned filing is filed again as a new row.
CREATE TABLE tender_filing
(
    id             UUID          PRIMARY KEY,
    tender_id      UUID          NOT NULL REFERENCES tender (id),
    number         INT           NOT NULL CHECK (number >= 1),
    documents      TEXT          NOT NULL,
    documents_sm3  CHAR(64)      NOT NULL,
    supervisor_id  UUID          NOT NULL,
    filed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    filed_by       VARCHAR(64)   NOT NULL,
    filer_id       UUID          NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    review_amount  NUMERIC(16, 2) NOT NULL,
    review_unit    VARCHAR(12)   NOT NULL,
    basis          VARCHAR(300)  NOT NULL,
    UNIQUE (tender_id, number)
);

-- The supervisor's decision on a filing, written once.
CREATE TABLE tender_filing_decision
(
    filing_id   UUID          PRIMARY KEY REFERENCES tender_filing (id),
    decision    VARCHAR(10)   NOT NULL CHECK (decision IN ('ACCEPTED', 'RETURNED')),
    reasons     TEXT          NOT NULL DEFAULT '',
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by  VARCHAR(64)   NOT NULL,
    overdue     BOOLEAN       NOT NULL,
    CHECK (decision = 'ACCEPTED' OR length(btrim(reasons)) > 0)
);

REVOKE UPDATE, DELETE ON tender_filing, tender_filing_decision FROM ${runtime_user};
CREATE TRIGGER tender_filing_append_only BEFORE UPDATE OR DELETE ON tender_filing
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER tender_filing_no_truncate BEFORE TRUNCATE ON tender_filing
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER tender_filing_decision_append_only BEFORE UPDATE OR DELETE ON tender_filing_decision
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER tender_filing_decision_no_truncate BEFORE TRUNCATE ON tender_filing_decision
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
