-- Withdrawals (撤回投标文件) as the bidder signed them: the canonical statement (tender, envelope SM3, time, credit code),
-- its SM3withSM2 signature by the bidder's registered certificate, and the platform-signed receipt. Append-only: one row
-- per withdrawn envelope, never changed; at closing each is disclosed with the bid set, so a withdrawal nobody signed
-- (a row marked withdrawn by an insider) shows.
CREATE TABLE bid_withdrawal
(
    id                UUID         PRIMARY KEY,
    bid_id            UUID         NOT NULL UNIQUE REFERENCES bid_envelope (id),
    tender_id         UUID         NOT NULL REFERENCES tender (id),
    statement         TEXT         NOT NULL,
    signature         TEXT         NOT NULL,
    certificate_id    UUID         NOT NULL REFERENCES certificate (id),
    certificate_pem   TEXT         NOT NULL, -- the certificate the signature verified with, disclosed at closing
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_ip       VARCHAR(45)  NOT NULL,
    received_by       VARCHAR(64)  NOT NULL,
    receipt           TEXT         NOT NULL,
    receipt_signature TEXT         NOT NULL
);
CREATE INDEX bid_withdrawal_tender_idx ON bid_withdrawal (tender_id);
