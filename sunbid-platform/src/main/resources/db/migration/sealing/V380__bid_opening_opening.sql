-- Issue 21: the envelopes are opened outside the custodian's request. With the threshold of shares in, an opening is
-- OPENING (the released shares stay stored, so a restart resumes it) until the signed record is written (OPENED).
ALTER TABLE bid_opening DROP CONSTRAINT bid_opening_status_check;
ALTER TABLE bid_opening ADD CONSTRAINT bid_opening_status_check
    CHECK (status IN ('AWAITING_SHARES', 'OPENING', 'OPENED', 'FAILED_TOO_FEW_BIDS'));

-- The record stays final: a row without a record may go AWAITING_SHARES -> OPENING -> OPENED (or straight to OPENED
-- within one transaction), never back, and once written it never changes; no opening is ever deleted.
CREATE OR REPLACE FUNCTION bid_opening_final() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.record IS NULL AND NEW.tender_id = OLD.tender_id
        AND NEW.valid_envelopes = OLD.valid_envelopes AND NEW.closed_at = OLD.closed_at
        AND (OLD.status = 'AWAITING_SHARES' OR (OLD.status = 'OPENING' AND NEW.status IN ('OPENING', 'OPENED'))) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'bid_opening: a written opening record is final: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
