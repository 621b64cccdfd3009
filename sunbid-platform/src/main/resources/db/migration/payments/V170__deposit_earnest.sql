-- Issue 17 part F: after an auction's deal, the winner's deposit is not refunded but becomes earnest money (定金)
-- credited to the price (国土资源部令第39号第二十一条; 32号令 Art. 26 and the centres' rules). One row per credited
-- payment of the winner's deposit account; a payment turned into earnest money is never refunded as a deposit.
CREATE TABLE deposit_earnest (
    payment_id          UUID PRIMARY KEY REFERENCES bank_payment (id),
    tender_id           UUID NOT NULL,
    bidder_id           UUID NOT NULL,
    amount              NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    status              VARCHAR(20) NOT NULL CHECK (status IN ('CREDITED_TO_PRICE')),
    credited_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX deposit_earnest_tender_idx ON deposit_earnest (tender_id, bidder_id);
