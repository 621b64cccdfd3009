-- Issue 22 (session 12): a framework agreement's first-stage responses are bids. Their unit prices are sealed on arrival
-- to a competition round of sealing's (V510) opened with the agreement: its key split among the region's centre, its
-- supervision department and the collecting body, opened together once they release their shares after the response
-- deadline. The agreement keeps its round's number and, once opened, when and the SM3 of the platform-signed round
-- record; the unit prices reach framework_response_price only then. Agreements created before this version have no
-- round (their responses were written in plain, kept from others by access checks only) and shortlist as before.
ALTER TABLE framework_agreement
    ADD COLUMN response_round      INT,
    ADD COLUMN responses_opened_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN response_record_sm3 CHAR(64);
