-- Bids, opening keys and their shares are append-only (issue 13); what changes is recorded in tables of its own, also
-- written once. The runtime role gets no UPDATE or DELETE on any of them (V41), and triggers refuse them to anyone.

-- A bid as received never changes. That it was replaced or withdrawn is a second fact, written once: an envelope
-- without such a row is VALID. The view bid_envelope keeps the columns readers used before (status, status_at).
ALTER TABLE bid_envelope RENAME TO bid_envelope_received;
ALTER INDEX bid_envelope_one_valid_idx RENAME TO bid_envelope_received_one_valid_idx;

CREATE TABLE bid_envelope_status_change
(
    envelope_id UUID        PRIMARY KEY REFERENCES bid_envelope_received (id),
    status      VARCHAR(12) NOT NULL CHECK (status IN ('REPLACED', 'WITHDRAWN')),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO bid_envelope_status_change (envelope_id, status, changed_at)
SELECT id, status, status_at FROM bid_envelope_received WHERE status <> 'VALID';

DROP INDEX bid_envelope_received_one_valid_idx;
ALTER TABLE bid_envelope_received DROP COLUMN status, DROP COLUMN status_at;

CREATE VIEW bid_envelope AS
SELECT r.*, COALESCE(c.status, 'VALID') AS status, COALESCE(c.changed_at, r.received_at) AS status_at
FROM bid_envelope_received r LEFT JOIN bid_envelope_status_change c ON c.envelope_id = r.id;

-- Which custodian released its share, and when, is written once beside the share; the share itself never changes.
-- The plaintext shares (released_share) are still deleted once the bids are opened: that secret must not outlive use.
CREATE TABLE opening_share_release
(
    tender_id   UUID        NOT NULL,
    share_index INT         NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (tender_id, share_index),
    FOREIGN KEY (tender_id, share_index) REFERENCES opening_key_share (tender_id, share_index)
);
INSERT INTO opening_share_release (tender_id, share_index, released_at, released_by)
SELECT tender_id, share_index, released_at, COALESCE(released_by, '') FROM opening_key_share WHERE released_at IS NOT NULL;
ALTER TABLE opening_key_share DROP COLUMN released_at, DROP COLUMN released_by;

CREATE TRIGGER bid_envelope_received_append_only BEFORE UPDATE OR DELETE ON bid_envelope_received
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER bid_envelope_received_no_truncate BEFORE TRUNCATE ON bid_envelope_received
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER bid_envelope_status_change_append_only BEFORE UPDATE OR DELETE ON bid_envelope_status_change
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER bid_envelope_status_change_no_truncate BEFORE TRUNCATE ON bid_envelope_status_change
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER tender_opening_key_append_only BEFORE UPDATE OR DELETE ON tender_opening_key
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER tender_opening_key_no_truncate BEFORE TRUNCATE ON tender_opening_key
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER opening_key_share_append_only BEFORE UPDATE OR DELETE ON opening_key_share
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER opening_key_share_no_truncate BEFORE TRUNCATE ON opening_key_share
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER opening_share_release_append_only BEFORE UPDATE OR DELETE ON opening_share_release
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER opening_share_release_no_truncate BEFORE TRUNCATE ON opening_share_release
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();

-- The opening record (唱标记录), once written, is final: a row awaiting shares may be completed once, never changed
-- after, and no opening is ever deleted.
CREATE FUNCTION bid_opening_final() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.record IS NULL AND OLD.status = 'AWAITING_SHARES' AND NEW.tender_id = OLD.tender_id
        AND NEW.valid_envelopes = OLD.valid_envelopes AND NEW.closed_at = OLD.closed_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'bid_opening: a written opening record is final: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER bid_opening_final BEFORE UPDATE OR DELETE ON bid_opening
    FOR EACH ROW EXECUTE FUNCTION bid_opening_final();
CREATE TRIGGER bid_opening_no_truncate BEFORE TRUNCATE ON bid_opening
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
