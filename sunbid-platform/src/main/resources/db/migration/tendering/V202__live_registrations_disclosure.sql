-- Issue 17 wave 2 (part GAP): a live-bidding lot's registrants stay sealed until bidding ends, not only in the log but
-- also to its owners and the region's staff (GET /api/v1/tenders/{id}/registrations). The moment the auction disclosed
-- them (Tenders.discloseRegistrations at BiddingEnded) is kept here; before it the list is REGISTRATIONS_SEALED.
CREATE TABLE registration_disclosure (
    tender_id    UUID PRIMARY KEY,
    disclosed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
