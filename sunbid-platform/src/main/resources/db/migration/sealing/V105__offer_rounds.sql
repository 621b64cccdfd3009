-- Sealed final offers (最后报价) per round of a negotiation or consultation (74号令 Art. 32–33; 财库〔2014〕214号
-- Art. 21), sealed like bids: each round has its own SM2 opening key, made when the round opens, split among the same
-- custodians with the same threshold as the lot's bid opening key, each share encrypted to the custodian's certificate;
-- the private key is never stored. Offers are sealed on arrival to the round's key; the latest before the deadline
-- counts. When every supplier of the round has offered, or the deadline has passed, the custodians release their
-- shares, the key is rebuilt in memory, the offers are opened and the platform-signed round record is written once.
-- Everything here is written once (append-only for the runtime role and, by trigger, for everyone), except the
-- plaintext released shares, which are deleted once the offers are opened.
CREATE TABLE offer_round
(
    lot_id          UUID         NOT NULL REFERENCES tender (id),
    round           INT          NOT NULL CHECK (round >= 1),
    deadline        TIMESTAMP WITH TIME ZONE NOT NULL,
    suppliers       UUID[]       NOT NULL CHECK (cardinality(suppliers) >= 1),
    public_key_pem  TEXT         NOT NULL,
    key_sm3         CHAR(64)     NOT NULL UNIQUE,
    threshold       INT          NOT NULL CHECK (threshold >= 2),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    created_log_seq BIGINT       NOT NULL,
    PRIMARY KEY (lot_id, round)
);

CREATE TABLE offer_round_key_share
(
    lot_id          UUID         NOT NULL,
    round           INT          NOT NULL,
    share_index     INT          NOT NULL CHECK (share_index BETWEEN 1 AND 255),
    custodian_id    UUID         NOT NULL REFERENCES organisation (id),
    certificate_id  UUID         NOT NULL REFERENCES certificate (id),
    encrypted_share TEXT         NOT NULL, -- base64 SM2 ciphertext of the share, to the custodian's certificate
    PRIMARY KEY (lot_id, round, share_index),
    UNIQUE (lot_id, round, custodian_id),
    FOREIGN KEY (lot_id, round) REFERENCES offer_round (lot_id, round)
);

-- A supplier's sealed offer as received (ciphertext in the file store under envelope_sm3; never the price). A later
-- offer before the deadline replaces the earlier one: the latest by seq counts.
CREATE TABLE offer_envelope
(
    seq               BIGSERIAL    PRIMARY KEY,
    id                UUID         NOT NULL UNIQUE,
    lot_id            UUID         NOT NULL,
    round             INT          NOT NULL,
    supplier_id       UUID         NOT NULL REFERENCES organisation (id),
    envelope_sm3      CHAR(64)     NOT NULL,
    size              BIGINT       NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by       VARCHAR(64)  NOT NULL,
    receipt           TEXT         NOT NULL,
    receipt_signature TEXT         NOT NULL,
    FOREIGN KEY (lot_id, round) REFERENCES offer_round (lot_id, round)
);
CREATE INDEX offer_envelope_round_idx ON offer_envelope (lot_id, round, supplier_id, seq);

CREATE TABLE offer_round_share_release
(
    lot_id      UUID        NOT NULL,
    round       INT         NOT NULL,
    share_index INT         NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (lot_id, round, share_index),
    FOREIGN KEY (lot_id, round, share_index) REFERENCES offer_round_key_share (lot_id, round, share_index)
);

-- Plaintext shares released, deleted once the offers are opened (that secret must not outlive its use).
CREATE TABLE offer_round_released_share
(
    lot_id      UUID        NOT NULL,
    round       INT         NOT NULL,
    share_index INT         NOT NULL,
    share_json  TEXT        NOT NULL,
    PRIMARY KEY (lot_id, round, share_index),
    FOREIGN KEY (lot_id, round, share_index) REFERENCES offer_round_key_share (lot_id, round, share_index)
);

-- The round record, written once when the offers are opened.
CREATE TABLE offer_round_opening
(
    lot_id           UUID        NOT NULL,
    round            INT         NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    record           TEXT        NOT NULL, -- canonical JSON of the round record
    record_signature TEXT        NOT NULL,
    PRIMARY KEY (lot_id, round),
    FOREIGN KEY (lot_id, round) REFERENCES offer_round (lot_id, round)
);

CREATE TRIGGER offer_round_append_only BEFORE UPDATE OR DELETE ON offer_round
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_round_no_truncate BEFORE TRUNCATE ON offer_round
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_round_key_share_append_only BEFORE UPDATE OR DELETE ON offer_round_key_share
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_round_key_share_no_truncate BEFORE TRUNCATE ON offer_round_key_share
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_envelope_append_only BEFORE UPDATE OR DELETE ON offer_envelope
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_envelope_no_truncate BEFORE TRUNCATE ON offer_envelope
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_round_share_release_append_only BEFORE UPDATE OR DELETE ON offer_round_share_release
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_round_share_release_no_truncate BEFORE TRUNCATE ON offer_round_share_release
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_round_opening_append_only BEFORE UPDATE OR DELETE ON offer_round_opening
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER offer_round_opening_no_truncate BEFORE TRUNCATE ON offer_round_opening
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();

DO
$revoke$
BEGIN
    IF '${runtime_user}' <> current_user THEN
        EXECUTE format('REVOKE UPDATE, DELETE ON offer_round, offer_round_key_share, offer_envelope, '
            'offer_round_share_release, offer_round_opening FROM %I', '${runtime_user}');
        EXECUTE format('REVOKE UPDATE ON offer_round_released_share FROM %I', '${runtime_user}');
    END IF;
END
$revoke$;
