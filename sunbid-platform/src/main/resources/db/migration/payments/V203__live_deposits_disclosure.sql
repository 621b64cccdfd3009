-- Issue 17 wave 2 (part GAP): a live-bidding lot's deposits (who paid, from which account) stay sealed until bidding
-- ends: the list for owners and staff (GET /api/v1/tenders/{id}/deposits) and the Reg. 26 flags naming bidders wait for
-- the auction's deferred disclosure (Deposits.discloseDeferred at BiddingEnded), whose moment is kept here.
CREATE TABLE deposit_disclosure (
    tender_id    UUID PRIMARY KEY,
    disclosed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
