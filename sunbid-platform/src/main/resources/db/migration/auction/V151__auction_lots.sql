-- Issue 17 part L: an auction lot's terms (出让/披露条件). The lot is a tendering tender (same id); this table keeps
-- what tendering does not: the format, start price and increment in fen (分), the schedule (bidding start, the
-- listing's or free bidding's end), the countdown override, whether a sealed reserve exists (39号令 Art. 15: the
-- announcement says so), the appraisal (32号令 Art. 17), the parcel/mining/asset details, and for a re-disclosure
-- (32号令 Art. 18: a later disclosure round of the same asset at a lower price) the earlier lot it follows and the
-- written approval recorded for a price below APPRAISAL_APPROVAL_BELOW of the appraisal.
CREATE TABLE auction_lot (
    lot_id             UUID          PRIMARY KEY,
    procedure_code     VARCHAR(40)   NOT NULL,
    kind               VARCHAR(10)   NOT NULL CHECK (kind IN ('TDSYQ', 'KYQ', 'GYCQ')),
    format             VARCHAR(20)   NOT NULL CHECK (format IN ('LISTING', 'ASCENDING', 'NETWORK')),
    start_price        BIGINT        NOT NULL CHECK (start_price > 0),
    increment          BIGINT        NOT NULL CHECK (increment > 0),
    bidding_start      TIMESTAMPTZ   NOT NULL,
    free_end           TIMESTAMPTZ,
    countdown_minutes  INT           CHECK (countdown_minutes BETWEEN 1 AND 60),
    reserve_sealed     BOOLEAN       NOT NULL,
    appraisal          BIGINT        CHECK (appraisal > 0),
    details            TEXT          NOT NULL,
    previous_lot_id    UUID          REFERENCES auction_lot (lot_id),
    approval_approver  VARCHAR(200),
    approval_document  VARCHAR(100),
    approval_date      DATE,
    approval_file_sm3  VARCHAR(64),
    updated_at         TIMESTAMPTZ   NOT NULL,
    updated_by         VARCHAR(100)  NOT NULL,
    CHECK (free_end IS NULL OR free_end > bidding_start),
    CHECK ((approval_approver IS NULL) = (approval_document IS NULL)
       AND (approval_approver IS NULL) = (approval_date IS NULL)
       AND (approval_approver IS NULL) = (approval_file_sm3 IS NULL))
);
CREATE INDEX auction_lot_previous ON auction_lot (previous_lot_id);
