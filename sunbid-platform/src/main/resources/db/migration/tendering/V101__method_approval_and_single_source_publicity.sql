-- Issue 16 (A): the finance department's prior approval of a procurement method other than the open tender
-- (政府采购法 Art. 27; 实施条例 Art. 23; 财政部令第74号 Art. 4), and the publicity of a single-source plan before that
-- approval (实施条例 Art. 38; 74号令 Art. 38–40). Every row is written once: a refused request is followed by a new
-- request, a decision or review is a row of its own.

-- The purchaser's (or agency's) request: the lot, its method, the conditions chosen from deal_method_condition, the
-- reasons. Below the threshold no approval is needed: the row records the chosen conditions (approval_required false,
-- no department).
CREATE TABLE method_approval_request
(
    id                UUID           PRIMARY KEY,
    lot_id            UUID           NOT NULL,
    number            INT            NOT NULL CHECK (number >= 1),
    procedure_code    VARCHAR(40)    NOT NULL,
    conditions        TEXT[]         NOT NULL CHECK (cardinality(conditions) >= 1),
    reasons           TEXT           NOT NULL CHECK (length(btrim(reasons)) > 0),
    budget            NUMERIC(16, 2) NOT NULL,
    threshold         NUMERIC(16, 2),
    approval_required BOOLEAN        NOT NULL,
    basis             VARCHAR(300)   NOT NULL,
    department_id     UUID,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by      VARCHAR(64)    NOT NULL,
    requester_id      UUID           NOT NULL,
    CHECK (NOT approval_required OR department_id IS NOT NULL),
    UNIQUE (lot_id, number)
);

-- The department's decision, once per request; a refusal needs its reasons.
CREATE TABLE method_approval_decision
(
    request_id UUID        PRIMARY KEY REFERENCES method_approval_request (id),
    approved   BOOLEAN     NOT NULL,
    reasons    TEXT        NOT NULL DEFAULT '',
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by VARCHAR(64) NOT NULL,
    CHECK (approved OR length(btrim(reasons)) > 0)
);

-- The single-source publicity opened with a request that needs it: reasons, the proposed supplier, the experts'
-- opinions, and its end (SINGLE_SOURCE_PUBLICITY working days, counted over the catalog's calendar).
CREATE TABLE single_source_publicity
(
    request_id       UUID         PRIMARY KEY REFERENCES method_approval_request (id),
    supplier_name    VARCHAR(200) NOT NULL CHECK (length(btrim(supplier_name)) > 0),
    expert_opinions  TEXT         NOT NULL CHECK (length(btrim(expert_opinions)) > 0),
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at          TIMESTAMP WITH TIME ZONE NOT NULL CHECK (ends_at > starts_at),
    review_amount    NUMERIC(16, 2) NOT NULL,
    review_unit      VARCHAR(12)  NOT NULL,
    publicity_rule   VARCHAR(300) NOT NULL,
    review_rule      VARCHAR(300) NOT NULL
);

-- An objection raised during the publicity, and by when the purchaser reviews it (74号令 Art. 40: within 5 working
-- days after the publicity ends).
CREATE TABLE single_source_objection
(
    id            UUID        PRIMARY KEY,
    request_id    UUID        NOT NULL REFERENCES single_source_publicity (request_id),
    objector_id   UUID        NOT NULL,
    objector_name VARCHAR(200) NOT NULL,
    reasons       TEXT        NOT NULL CHECK (length(btrim(reasons)) > 0),
    raised_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_by     VARCHAR(64) NOT NULL,
    review_due    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The purchaser's review of an objection, once: upheld (the single source cannot go on) or not, with its reasoning.
CREATE TABLE single_source_review
(
    objection_id UUID        PRIMARY KEY REFERENCES single_source_objection (id),
    upheld       BOOLEAN     NOT NULL,
    outcome      TEXT        NOT NULL CHECK (length(btrim(outcome)) > 0),
    reviewed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by  VARCHAR(64) NOT NULL,
    overdue      BOOLEAN     NOT NULL
);

-- That an unreviewed objection passed its due time was flagged to the supervisor, once.
CREATE TABLE single_source_review_flag
(
    objection_id UUID        PRIMARY KEY REFERENCES single_source_objection (id),
    flagged_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX method_approval_request_department_idx ON method_approval_request (department_id);

REVOKE UPDATE, DELETE ON method_approval_request, method_approval_decision, single_source_publicity,
    single_source_objection, single_source_review, single_source_review_flag FROM ${runtime_user};
CREATE TRIGGER method_approval_request_append_only BEFORE UPDATE OR DELETE ON method_approval_request
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER method_approval_request_no_truncate BEFORE TRUNCATE ON method_approval_request
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER method_approval_decision_append_only BEFORE UPDATE OR DELETE ON method_approval_decision
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER method_approval_decision_no_truncate BEFORE TRUNCATE ON method_approval_decision
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER single_source_publicity_append_only BEFORE UPDATE OR DELETE ON single_source_publicity
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER single_source_publicity_no_truncate BEFORE TRUNCATE ON single_source_publicity
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER single_source_objection_append_only BEFORE UPDATE OR DELETE ON single_source_objection
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER single_source_objection_no_truncate BEFORE TRUNCATE ON single_source_objection
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER single_source_review_append_only BEFORE UPDATE OR DELETE ON single_source_review
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER single_source_review_no_truncate BEFORE TRUNCATE ON single_source_review
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER single_source_review_flag_append_only BEFORE UPDATE OR DELETE ON single_source_review_flag
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER single_source_review_flag_no_truncate BEFORE TRUNCATE ON single_source_review_flag
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
