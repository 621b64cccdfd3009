-- Confidential records: facts whose very number is a secret before a deadline (registrations, deposits, document
-- downloads). Each is kept here, salted, in the canonical JSON that will be disclosed. At a fixed rate, whether or not
-- any record is pending, one public log entry commits to the pending records by the root of a Merkle tree over them:
-- the root says nothing about how many there are, and once the secret ends each record can be disclosed with its
-- inclusion path and checked by anyone. committed_seq names that entry, leaf_index the record's place in the tree.
CREATE TABLE log_confidential
(
    id            UUID        PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    action        VARCHAR(100) NOT NULL,
    subject       VARCHAR(100),
    canonical     TEXT        NOT NULL,
    committed_seq BIGINT,
    leaf_index    INT,
    batch_size    INT
);
CREATE INDEX log_confidential_pending_idx ON log_confidential (recorded_at) WHERE committed_seq IS NULL;
CREATE INDEX log_confidential_batch_idx ON log_confidential (committed_seq, leaf_index);
CREATE INDEX log_confidential_subject_idx ON log_confidential (subject, action);
