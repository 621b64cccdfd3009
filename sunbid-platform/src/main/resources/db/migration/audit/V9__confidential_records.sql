-- Confidential records: facts whose very number is a secret before a deadline (registrations, deposits, document
-- downloads). Each is kept here and committed in one sealed log entry appended at a fixed rate, whether or not any
-- record is pending, so the log's growth says nothing about them. committed_seq names that entry.
CREATE TABLE log_confidential
(
    id            UUID        PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    action        VARCHAR(100) NOT NULL,
    subject       VARCHAR(100),
    region_code   VARCHAR(12),
    actor         VARCHAR(64) NOT NULL,
    payload       TEXT        NOT NULL,
    committed_seq BIGINT
);
CREATE INDEX log_confidential_pending_idx ON log_confidential (recorded_at) WHERE committed_seq IS NULL;
