-- The sealed reserve (底价) of an auction lot (issue 17; 国土资源部令第39号 Art. 10: the reserve stays secret), sealed
-- like bids and offers: a key of its own per lot, made by the same machinery for the lot's custodians and threshold
-- (the share JSON names round 0: offer rounds are numbered from 1), each share encrypted to the custodian's
-- certificate; the private key is never stored. The owner's side seals its reserve on arrival to that key; the latest
-- envelope before the deadline counts, each one's SM3 committed in the public log at once. Shares are released only
-- once bidding ended (reserve_bidding_ended), then the key is rebuilt in memory and the platform-signed record written
-- once. Written once (append-only), except the plaintext released shares, deleted once the reserve is opened.
CREATE TABLE reserve_seal
(
    lot_id          UUID         PRIMARY KEY REFERENCES tender (id),
    public_key_pem  TEXT         NOT NULL,
    key_sm3         CHAR(64)     NOT NULL UNIQUE,
    threshold       INT          NOT NULL CHECK (threshold >= 2),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    created_log_seq BIGINT       NOT NULL
);

CREATE TABLE reserve_seal_key_share
(
    lot_id          UUID         NOT NULL REFERENCES reserve_seal (lot_id),
    share_index     INT          NOT NULL CHECK (share_index BETWEEN 1 AND 255),
    custodian_id    UUID         NOT NULL REFERENCES organisation (id),
    certificate_id  UUID         NOT NULL REFERENCES certificate (id),
    encrypted_share TEXT         NOT NULL,
    PRIMARY KEY (lot_id, share_index),
    UNIQUE (lot_id, custodian_id)
);

-- The reserve as sealed (ciphertext in the file store under envelope_sm3; never the amount). The latest counts.
CREATE TABLE reserve_envelope
(
    seq          BIGSERIAL    PRIMARY KEY,
    lot_id       UUID         NOT NULL REFERENCES reserve_seal (lot_id),
    envelope_sm3 CHAR(64)     NOT NULL,
    size         BIGINT       NOT NULL,
    deadline     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL CHECK (received_at < deadline),
    received_by  VARCHAR(64)  NOT NULL,
    log_seq      BIGINT       NOT NULL
);
CREATE INDEX reserve_envelope_lot_idx ON reserve_envelope (lot_id, seq);

-- Bidding in the lot's room ended (told by the auction context): from then on the custodians may release.
CREATE TABLE reserve_bidding_ended
(
    lot_id   UUID PRIMARY KEY REFERENCES reserve_seal (lot_id),
    ended_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE reserve_share_release
(
    lot_id      UUID        NOT NULL,
    share_index INT         NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (lot_id, share_index),
    FOREIGN KEY (lot_id, share_index) REFERENCES reserve_seal_key_share (lot_id, share_index)
);

CREATE TABLE reserve_released_share
(
    lot_id      UUID NOT NULL,
    share_index INT  NOT NULL,
    share_json  TEXT NOT NULL,
    PRIMARY KEY (lot_id, share_index),
    FOREIGN KEY (lot_id, share_index) REFERENCES reserve_seal_key_share (lot_id, share_index)
);

CREATE TABLE reserve_opening
(
    lot_id           UUID   PRIMARY KEY REFERENCES reserve_seal (lot_id),
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    reserve_fen      BIGINT NOT NULL,
    record           TEXT   NOT NULL,
    record_signature TEXT   NOT NULL,
    log_seq          BIGINT NOT NULL
);

CREATE TRIGGER reserve_seal_append_only BEFORE UPDATE OR DELETE ON reserve_seal FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER reserve_seal_no_truncate BEFORE TRUNCATE ON reserve_seal FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER reserve_seal_key_share_append_only BEFORE UPDATE OR DELETE ON reserve_seal_key_share FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER reserve_seal_key_share_no_truncate BEFORE TRUNCATE ON reserve_seal_key_share FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER reserve_envelope_append_only BEFORE UPDATE OR DELETE ON reserve_envelope FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER reserve_envelope_no_truncate BEFORE TRUNCATE ON reserve_envelope FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER reserve_bidding_ended_append_only BEFORE UPDATE OR DELETE ON reserve_bidding_ended FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER reserve_share_release_append_only BEFORE UPDATE OR DELETE ON reserve_share_release FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER reserve_opening_append_only BEFORE UPDATE OR DELETE ON reserve_opening FOR EACH ROW EXECUTE FUNCTION append_only();

DO
$revoke$
BEGIN
    IF '${runtime_user}' <> current_user THEN
        EXECUTE format('REVOKE UPDATE, DELETE ON reserve_seal, reserve_seal_key_share, reserve_envelope, '
            'reserve_bidding_ended, reserve_share_release, reserve_opening FROM %I', '${runtime_user}');
        EXECUTE format('REVOKE UPDATE ON reserve_released_share FROM %I', '${runtime_user}');
    END IF;
END
$revoke$;
