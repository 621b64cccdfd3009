-- A tender's SM2 opening key: the public key (bidders seal their envelopes to it) and the private key's scalar split
-- k-of-n among custodians, each share encrypted to the custodian's certificate. The private key itself is never stored.
CREATE TABLE tender_opening_key
(
    tender_id      UUID         PRIMARY KEY REFERENCES tender (id),
    public_key_pem TEXT         NOT NULL,
    key_sm3        CHAR(64)     NOT NULL UNIQUE,
    threshold      INT          NOT NULL CHECK (threshold >= 2),
    custodians     INT          NOT NULL CHECK (custodians >= threshold),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE opening_key_share
(
    tender_id       UUID        NOT NULL REFERENCES tender_opening_key (tender_id),
    share_index     INT         NOT NULL CHECK (share_index BETWEEN 1 AND 255),
    custodian_id    UUID        NOT NULL REFERENCES organisation (id),
    certificate_id  UUID        NOT NULL REFERENCES certificate (id),
    encrypted_share TEXT        NOT NULL, -- base64 SM2 (C1C3C2) ciphertext of the share, to the custodian's certificate
    released_at     TIMESTAMP WITH TIME ZONE,
    released_by     VARCHAR(64),
    PRIMARY KEY (tender_id, share_index),
    UNIQUE (tender_id, custodian_id)
);
