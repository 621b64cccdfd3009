-- Sealed bids as received: the envelope itself lives in the file store under its SM3; here what the platform knows of
-- it without opening it. One VALID envelope per bidder and tender: a newer one REPLACES it, a withdrawal WITHDRAWS it.
CREATE TABLE bid_envelope
(
    id             UUID         PRIMARY KEY,
    tender_id      UUID         NOT NULL REFERENCES tender (id),
    bidder_id      UUID         NOT NULL REFERENCES organisation (id),
    envelope_sm3   CHAR(64)     NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    certificate_id UUID         NOT NULL REFERENCES certificate (id),
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    received_ip    VARCHAR(45)  NOT NULL,
    received_by    VARCHAR(64)  NOT NULL,
    status         VARCHAR(12)  NOT NULL CHECK (status IN ('VALID', 'REPLACED', 'WITHDRAWN')),
    status_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    receipt        TEXT         NOT NULL, -- the platform-signed receipt (canonical JSON) given to the bidder
    receipt_signature TEXT      NOT NULL,
    UNIQUE (tender_id, envelope_sm3)
);
CREATE UNIQUE INDEX bid_envelope_one_valid_idx ON bid_envelope (tender_id, bidder_id) WHERE status = 'VALID';
