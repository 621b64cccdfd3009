-- Issue 17 part F: what happens after bidding ends. The outcome computed from the room and the opened reserve (one row
-- per lot, written once), the 成交确认书 with its three signatures (winner, owner's side, platform) and the payments
-- recorded against the price. Amounts in fen (分).
CREATE TABLE auction_result (
    lot_id                UUID PRIMARY KEY,
    procedure_code        VARCHAR(40) NOT NULL,
    deal                  BOOLEAN NOT NULL,
    no_deal_reason        VARCHAR(20) CHECK (no_deal_reason IN ('NO_VALID_BID', 'BELOW_RESERVE', 'TOO_FEW_BIDDERS')),
    reserve               BIGINT CHECK (reserve > 0),
    start_price           BIGINT NOT NULL CHECK (start_price >= 0),
    bids                  BIGINT NOT NULL CHECK (bids >= 0),
    winner_seq            BIGINT,
    winner_number         VARCHAR(40),
    winner_id             UUID,
    price                 BIGINT CHECK (price > 0),
    winning_bid_at        TIMESTAMP WITH TIME ZONE,
    decided_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    notice_published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    notice_due_at         TIMESTAMP WITH TIME ZONE,
    publicity_until       TIMESTAMP WITH TIME ZONE,
    CHECK (deal = (no_deal_reason IS NULL)),
    CHECK (NOT deal OR (price IS NOT NULL AND winner_id IS NOT NULL AND winner_number IS NOT NULL))
);

CREATE TABLE auction_confirmation (
    lot_id                UUID PRIMARY KEY REFERENCES auction_result (lot_id),
    statement             TEXT NOT NULL,
    due_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    winner_signature      TEXT,
    winner_certificate    TEXT,
    winner_signed_at      TIMESTAMP WITH TIME ZONE,
    owner_id              UUID,
    owner_signature       TEXT,
    owner_certificate     TEXT,
    owner_signed_at       TIMESTAMP WITH TIME ZONE,
    platform_signature    TEXT,
    platform_certificate  TEXT,
    platform_signed_at    TIMESTAMP WITH TIME ZONE,
    overdue_flagged_at    TIMESTAMP WITH TIME ZONE,
    CHECK (owner_signed_at IS NULL OR winner_signed_at IS NOT NULL),
    CHECK (platform_signed_at IS NULL OR owner_signed_at IS NOT NULL)
);
CREATE INDEX auction_confirmation_due_idx ON auction_confirmation (due_at) WHERE platform_signed_at IS NULL AND overdue_flagged_at IS NULL;

-- 32号令 Art. 27: paying by instalments needs a guarantee and interest on the rest; recorded before the first payment.
CREATE TABLE auction_instalment_plan (
    lot_id                UUID PRIMARY KEY REFERENCES auction_result (lot_id),
    guarantee             TEXT NOT NULL CHECK (length(guarantee) > 0),
    interest_rate         NUMERIC(7, 4) NOT NULL CHECK (interest_rate > 0),
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by           UUID
);

CREATE TABLE auction_payment (
    id                    UUID PRIMARY KEY,
    lot_id                UUID NOT NULL REFERENCES auction_result (lot_id),
    amount                BIGINT NOT NULL CHECK (amount > 0),
    paid_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by           UUID,
    note                  TEXT
);
CREATE INDEX auction_payment_lot_idx ON auction_payment (lot_id, paid_at);

-- overdue instalments, flagged to the supervisor once each (FIRST: the first payment, BALANCE: the rest)
CREATE TABLE auction_payment_flag (
    lot_id                UUID NOT NULL REFERENCES auction_result (lot_id),
    kind                  VARCHAR(10) NOT NULL CHECK (kind IN ('FIRST', 'BALANCE')),
    flagged_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (lot_id, kind)
);
