-- Evidence of deemed collusion (招标投标法实施条例 Art. 40) that sealing learns at the opening, one row per fact of an
-- opened bid (issue 19, part D): the hashes of the machine that prepared it (MAC addresses, machine id, disk ids, the
-- document maker's 机器码, as the bidder's tool sealed them inside the envelope), of the address it was uploaded from,
-- of the project manager it declares, of each opened file and each distinctive line of its text, and which rival
-- bidders its text names. Nothing here exists before the opening: the fingerprint travels sealed in the envelope.
-- Every value is a keyed SM3 (HMAC-SM3 under sealing's evidence key in data/keys, never in the database) over the
-- tender, the kind and the value: equal values of one tender compare equal, a database administrator recovers none
-- (a MAC address or an IP has too few possible values for a plain or salted hash to hide it) and cannot link a
-- machine across tenders. Written once, at the opening, in the opening's transaction.
CREATE TABLE bid_evidence
(
    tender_id  UUID        NOT NULL,
    bid_id     UUID        NOT NULL,
    bidder_id  UUID        NOT NULL,
    kind       VARCHAR(20) NOT NULL CHECK (kind IN ('MAC', 'MACHINE_ID', 'DISK_ID', 'MAKER_CODE', 'NO_FINGERPRINT',
                                                    'UPLOAD_IP', 'PROJECT_MANAGER', 'FILE', 'LINE', 'MENTION')),
    value_hash VARCHAR(64) NOT NULL,
    detail     VARCHAR(300),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (tender_id, bid_id, kind, value_hash)
);
CREATE INDEX bid_evidence_tender_kind_idx ON bid_evidence (tender_id, kind, value_hash);

CREATE TRIGGER bid_evidence_append_only BEFORE UPDATE OR DELETE ON bid_evidence FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER bid_evidence_no_truncate BEFORE TRUNCATE ON bid_evidence FOR EACH STATEMENT EXECUTE FUNCTION append_only();

DO
$revoke$
BEGIN
    IF '${runtime_user}' <> current_user THEN
        EXECUTE format('REVOKE UPDATE, DELETE ON bid_evidence FROM %I', '${runtime_user}');
    END IF;
END
$revoke$;
