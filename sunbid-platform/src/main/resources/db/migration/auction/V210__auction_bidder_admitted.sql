-- Admission during the listing (issue 17, part ADMIT; 国土资源部令第39号 Art. 17–19): applications stay open while a
-- listing runs, so a bidder whose deposit is settled is numbered at once, before the close of applications
-- (auction_qualification). Its commitment is kept as a confidential record (log_confidential, committed at a fixed
-- rate in one public entry), never as a public entry of its own; admitted_at says when. Rows may now precede the
-- lot's qualification row.
ALTER TABLE auction_bidder DROP CONSTRAINT auction_bidder_lot_id_fkey;
ALTER TABLE auction_bidder ADD COLUMN admitted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE auction_bidder ADD COLUMN record_id UUID;
