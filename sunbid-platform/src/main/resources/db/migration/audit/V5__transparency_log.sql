-- The transparency log (全程留痕): an append-only Merkle tree (RFC 9162 with SM3) whose signed heads are published.

-- The log's size; its one row is locked by each append until commit, which keeps sequence numbers gap-free.
CREATE TABLE log_state
(
    id   SMALLINT PRIMARY KEY CHECK (id = 1),
    size BIGINT   NOT NULL CHECK (size >= 0)
);
INSERT INTO log_state (id, size) VALUES (1, 0);

-- One row per entry. The leaf is (seq, appended_at, commitment); details (who, what, where, salt) and the payload are
-- kept beside it and published once sealed_until has passed (NULL: public at once).
CREATE TABLE log_entry
(
    seq          BIGINT      PRIMARY KEY CHECK (seq >= 0),
    appended_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    commitment   CHAR(64)    NOT NULL,
    leaf_hash    CHAR(64)    NOT NULL UNIQUE,
    details      TEXT        NOT NULL,
    payload      TEXT,
    sealed_until TIMESTAMP WITH TIME ZONE
);

-- Hashes of the complete (perfect) subtrees: node (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level).
CREATE TABLE log_node
(
    level SMALLINT NOT NULL CHECK (level >= 0 AND level < 64),
    idx   BIGINT   NOT NULL CHECK (idx >= 0),
    hash  CHAR(64) NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Signed tree heads, as published.
CREATE TABLE log_tree_head
(
    id        BIGSERIAL PRIMARY KEY,
    size      BIGINT    NOT NULL CHECK (size >= 0),
    root_hash CHAR(64)  NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signature TEXT      NOT NULL
);
CREATE INDEX log_tree_head_size_idx ON log_tree_head (size);

-- Nobody changes or removes what is in the log, the application included: any UPDATE, DELETE or TRUNCATE fails.
CREATE FUNCTION log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the transparency log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER log_entry_append_only BEFORE UPDATE OR DELETE ON log_entry
    FOR EACH ROW EXECUTE FUNCTION log_is_append_only();
CREATE TRIGGER log_entry_no_truncate BEFORE TRUNCATE ON log_entry
    FOR EACH STATEMENT EXECUTE FUNCTION log_is_append_only();
CREATE TRIGGER log_node_append_only BEFORE UPDATE OR DELETE ON log_node
    FOR EACH ROW EXECUTE FUNCTION log_is_append_only();
CREATE TRIGGER log_node_no_truncate BEFORE TRUNCATE ON log_node
    FOR EACH STATEMENT EXECUTE FUNCTION log_is_append_only();
CREATE TRIGGER log_tree_head_append_only BEFORE UPDATE OR DELETE ON log_tree_head
    FOR EACH ROW EXECUTE FUNCTION log_is_append_only();
CREATE TRIGGER log_tree_head_no_truncate BEFORE TRUNCATE ON log_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION log_is_append_only();
-- log_state may only grow.
CREATE FUNCTION log_state_only_grows() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.size < OLD.size THEN
        RAISE EXCEPTION 'the transparency log cannot shrink' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER log_state_only_grows BEFORE UPDATE OR DELETE ON log_state
    FOR EACH ROW EXECUTE FUNCTION log_state_only_grows();
CREATE TRIGGER log_state_no_truncate BEFORE TRUNCATE ON log_state
    FOR EACH STATEMENT EXECUTE FUNCTION log_is_append_only();
