-- Issue 20 fix D: forfeited deposits (没收保证金). One row per credited payment of a deposit forfeited by a decision
-- (招标投标法实施条例第七十四条: 投标保证金不予退还; a 竞得人's default: earnest money kept, 民法典第五百八十七条), with its
-- basis and reason. A forfeited payment is never refunded, never turned into earnest money, never flagged as an overdue
-- refund.
CREATE TABLE deposit_forfeiture (
    payment_id   UUID PRIMARY KEY REFERENCES bank_payment (id),
    tender_id    UUID NOT NULL,
    bidder_id    UUID NOT NULL,
    amount       NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    basis        VARCHAR(200) NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    forfeited_at TIMESTAMP WITH TIME ZONE NOT NULL,
    forfeited_by VARCHAR(64) NOT NULL
);
CREATE INDEX deposit_forfeiture_tender_idx ON deposit_forfeiture (tender_id, bidder_id);

ALTER TABLE deposit_earnest DROP CONSTRAINT deposit_earnest_status_check;
ALTER TABLE deposit_earnest ADD CONSTRAINT deposit_earnest_status_check CHECK (status IN ('CREDITED_TO_PRICE', 'FORFEITED'));
