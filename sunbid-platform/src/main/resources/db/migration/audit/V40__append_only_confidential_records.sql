-- Confidential records are append-only like the log (issue 13): which public entry committed a record, and where it
-- sits in that entry's tree, is itself written once, in its own table, instead of filled in later on the record.
CREATE TABLE log_confidential_commitment
(
    record_id     UUID   PRIMARY KEY REFERENCES log_confidential (id),
    committed_seq BIGINT NOT NULL,
    leaf_index    INT    NOT NULL CHECK (leaf_index >= 0),
    batch_size    INT    NOT NULL CHECK (batch_size > leaf_index),
    UNIQUE (committed_seq, leaf_index)
);
INSERT INTO log_confidential_commitment (record_id, committed_seq, leaf_index, batch_size)
SELECT id, committed_seq, leaf_index, batch_size FROM log_confidential WHERE committed_seq IS NOT NULL;

DROP INDEX log_confidential_pending_idx;
DROP INDEX log_confidential_batch_idx;
ALTER TABLE log_confidential DROP COLUMN committed_seq, DROP COLUMN leaf_index, DROP COLUMN batch_size;

-- Defence in depth beside the runtime role's grants (V41): no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER log_confidential_append_only BEFORE UPDATE OR DELETE ON log_confidential
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER log_confidential_no_truncate BEFORE TRUNCATE ON log_confidential
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER log_confidential_commitment_append_only BEFORE UPDATE OR DELETE ON log_confidential_commitment
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER log_confidential_commitment_no_truncate BEFORE TRUNCATE ON log_confidential_commitment
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
