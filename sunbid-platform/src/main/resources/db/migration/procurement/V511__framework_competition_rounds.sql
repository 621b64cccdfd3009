-- Issue 22 (session 12): a secondary competition (二次竞价) is a competition round of sealing's (V510): its offers are
-- sealed on arrival to the round's key, split among the region's centre, its supervision department and the buyer, and
-- opened together after the deadline. The order keeps only its round's number and, once opened, the SM3 of the
-- platform-signed round record that decided it.
ALTER TABLE framework_order
    ADD COLUMN offer_round      INT,
    ADD COLUMN offer_record_sm3 CHAR(64);

-- The SM3 commit–reveal offers are no longer written (a supplier that saw others' reveals could withhold its own). The
-- table is kept, not dropped: it is the evidence of the competitions concluded before this version (their orders and
-- the log entries of their close refer to it).
COMMENT ON TABLE framework_offer IS 'No longer written since V511: secondary competitions are sealing competition rounds.';
