-- Corrections of credit records (更正, issue 20 session 8 C): an objection upheld (信用修复管理办法 Art. 18) may correct a
-- record instead of withdrawing it — its class, the end of its restriction or publication, its conduct or its decision
-- document. The record keeps its id and shows the corrected values from the decision's instant (corrected_at); each set of
-- values it had before is kept in credit_record_revision with the instant it was replaced, so a gate asked about an
-- earlier time sees the values in force then, and nothing of the history is overwritten.
ALTER TABLE credit_record
    ADD COLUMN corrected_at TIMESTAMPTZ,
    ADD COLUMN revision     INTEGER NOT NULL DEFAULT 0;

CREATE TABLE credit_record_revision (
    record_id           UUID        NOT NULL REFERENCES credit_record (id),
    revision            INTEGER     NOT NULL,          -- the record's revision these values were (0: as recorded)
    credit_class        TEXT        NOT NULL CHECK (credit_class IN ('MINOR', 'GENERAL', 'SERIOUS')),
    conduct             TEXT        NOT NULL,
    document            TEXT,
    restriction_until   TIMESTAMPTZ,
    publication_until   TIMESTAMPTZ,
    publication_end_seq BIGINT,
    replaced_at         TIMESTAMPTZ NOT NULL,          -- the correction's instant: these values were in force before it
    objection_id        UUID        NOT NULL REFERENCES credit_objection (id),
    log_seq             BIGINT,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (record_id, revision)
);

-- what an upheld objection did: withdrew the record or corrected it
ALTER TABLE credit_objection
    ADD COLUMN outcome TEXT CHECK (outcome IN ('WITHDRAW', 'CORRECT'));
UPDATE credit_objection SET outcome = 'WITHDRAW' WHERE status = 'UPHELD';
