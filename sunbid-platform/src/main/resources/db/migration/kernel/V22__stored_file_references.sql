-- Which records refer to which file of the content-addressed file store (data/files/<sm3 prefix>/<sm3>). The same bytes
-- may belong to records of several contexts; the store removes a file only when no row here names it. Callers add and
-- remove their rows through kernel.FileStore; no context reads another's tables for this.
CREATE TABLE stored_file_reference
(
    sm3        CHAR(64)     NOT NULL,
    holder     VARCHAR(120) NOT NULL, -- the record, as <context>.<kind>:<id>
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sm3, holder)
);

-- One-time backfill for data stored before this table existed (a migration, not the running application, reads the
-- owners' tables here).
INSERT INTO stored_file_reference (sm3, holder, created_at)
SELECT sm3, 'tendering.document:' || id, uploaded_at FROM tender_document;
INSERT INTO stored_file_reference (sm3, holder, created_at)
SELECT envelope_sm3, 'sealing.bid:' || id, received_at FROM bid_envelope;
INSERT INTO stored_file_reference (sm3, holder, created_at)
SELECT report_sm3, 'evaluation.report:' || tender_id, COALESCE(report_at, now()) FROM evaluation WHERE report_sm3 IS NOT NULL;
