-- Entries recorded but not yet sequenced (issue 21). A business transaction inserts its entry here without any lock;
-- the sequencer, in one transaction of its own under the log_state row lock, gives the committed pending rows the next
-- sequence numbers, writes them to log_entry and the tree, and deletes them here. A row is therefore either pending or
-- in the log, never both, and a crash between the two loses nothing: the sequencer drains this table when it starts.
-- recorded_at is the time the entry will carry (the business transaction's clock), details/payload/commitment are
-- exactly what log_entry will hold.
CREATE TABLE log_pending
(
    id           BIGSERIAL PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    commitment   CHAR(64) NOT NULL,
    details      TEXT     NOT NULL,
    payload      TEXT,
    sealed_until TIMESTAMP WITH TIME ZONE
);

-- A pending entry is inserted once and deleted once (when sequenced), never changed.
CREATE TRIGGER log_pending_no_update BEFORE UPDATE ON log_pending
    FOR EACH ROW EXECUTE FUNCTION log_is_append_only();

DO
$revoke$
BEGIN
    IF '${runtime_user}' <> current_user THEN
        EXECUTE format('REVOKE UPDATE, TRUNCATE ON log_pending FROM %I', '${runtime_user}');
    END IF;
END
$revoke$;
