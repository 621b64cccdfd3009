-- Bid opening (开标): at the deadline a tender with fewer than 3 valid envelopes fails (Law 28, Reg. 44); otherwise
-- it waits for its custodians' shares (accepted only after the deadline). With enough shares the key is rebuilt in
-- memory only, every envelope is opened, and the opening record (唱标记录) is signed by the platform and published.
CREATE TABLE bid_opening
(
    tender_id        UUID        PRIMARY KEY REFERENCES tender (id),
    status           VARCHAR(20) NOT NULL CHECK (status IN ('AWAITING_SHARES', 'OPENED', 'FAILED_TOO_FEW_BIDS')),
    valid_envelopes  INT         NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE,
    record           TEXT,       -- canonical JSON of the opening record
    record_signature TEXT
);

-- Shares released by custodians after the deadline: the plaintext share (JSON) as the custodian's tool decrypted it.
-- Before the deadline nothing can be released, and one share alone says nothing about the key.
CREATE TABLE released_share
(
    tender_id    UUID        NOT NULL REFERENCES bid_opening (tender_id),
    share_index  INT         NOT NULL,
    share_json   TEXT        NOT NULL,
    released_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by  VARCHAR(64) NOT NULL,
    PRIMARY KEY (tender_id, share_index)
);
