-- Issue 20 fix D: a 竞得人's default (竞得人违约) declared by the lot's owner (国土资源部令第39号第二十条; 民法典第五百八十七条):
-- once per lot, with its reason, the deposit forfeited and the credit record made. A declared lot is no longer flagged
-- as an overdue confirmation or payment.
CREATE TABLE auction_default (
    lot_id           UUID PRIMARY KEY REFERENCES auction_result (lot_id),
    winner_id        UUID NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    basis            VARCHAR(200) NOT NULL,
    declared_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    declared_by      VARCHAR(64) NOT NULL,
    forfeited        NUMERIC(18, 2) NOT NULL,
    credit_record_id UUID NOT NULL
);
