-- Credit records (失信记录, issue 20): bad behaviour with its legal basis, issuing body, decision document and class
-- (信用修复管理办法 发改委令第36号 Art. 7–10), the periods of its publication and of any restriction, from the platform's own
-- decisions (source 'platform') or an external list (source = the list's name). One record per source + source_ref, so
-- a decision or an import delivered twice records nothing new. Subjects: organisations by 统一社会信用代码, experts by id.
CREATE TABLE credit_record (
    id                UUID        PRIMARY KEY,
    subject_kind      TEXT        NOT NULL CHECK (subject_kind IN ('ORGANISATION', 'EXPERT')),
    subject_key       TEXT        NOT NULL,
    subject_name      TEXT        NOT NULL,
    credit_class      TEXT        NOT NULL CHECK (credit_class IN ('MINOR', 'GENERAL', 'SERIOUS')),
    conduct           TEXT        NOT NULL,
    legal_basis       TEXT        NOT NULL,
    issuing_body      TEXT        NOT NULL,
    document          TEXT,
    source            TEXT        NOT NULL,
    source_ref        TEXT        NOT NULL,
    region_code       TEXT,
    gates             TEXT[]      NOT NULL DEFAULT '{}',
    restriction_from  TIMESTAMPTZ,
    restriction_until TIMESTAMPTZ,
    publication_from  TIMESTAMPTZ,
    publication_until TIMESTAMPTZ,
    withdrawn_at      TIMESTAMPTZ,
    withdrawn_reason  TEXT,
    log_seq           BIGINT,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (source, source_ref),
    CHECK (restriction_until IS NULL OR restriction_from IS NOT NULL AND restriction_until > restriction_from),
    CHECK (publication_until IS NULL OR publication_from IS NOT NULL AND publication_until > publication_from),
    CHECK (cardinality(gates) = 0 OR restriction_from IS NOT NULL)
);
CREATE INDEX credit_record_subject ON credit_record (subject_kind, subject_key);
CREATE INDEX credit_record_published ON credit_record (publication_from, publication_until) WHERE publication_from IS NOT NULL;
