-- Issue 22 (session 12): a round of sealed offers may be a negotiation's round of final offers (as V105) or a
-- competition round another context opens for a lot of its own: a framework agreement's secondary price competition
-- (二次竞价), later its first-stage responses. A competition round has its own supplier set (NULL: open to any supplier
-- the owning context admits), its deadline, and its key's custodians from the region's policy for its owner (the
-- buyer); it is numbered next on the lot but independent of the other rounds. Its lot is a deal lot, not always a
-- tender, so the reference to tender goes (negotiation rounds still check their tender in code, before opening).
-- The append-only triggers stay: nothing here updates a row.
ALTER TABLE offer_round DROP CONSTRAINT offer_round_lot_id_fkey;
ALTER TABLE offer_round ALTER COLUMN suppliers DROP NOT NULL;
ALTER TABLE offer_round
    ADD COLUMN kind        VARCHAR(16)  NOT NULL DEFAULT 'NEGOTIATION',
    ADD COLUMN region_code VARCHAR(20),
    ADD COLUMN owner_id    UUID REFERENCES organisation (id),
    ADD COLUMN purpose     VARCHAR(200);
ALTER TABLE offer_round ADD CONSTRAINT offer_round_kind_check CHECK (
    (kind = 'NEGOTIATION' AND suppliers IS NOT NULL AND region_code IS NULL AND owner_id IS NULL AND purpose IS NULL)
    OR (kind = 'COMPETITION' AND region_code IS NOT NULL AND owner_id IS NOT NULL AND purpose IS NOT NULL));
CREATE INDEX offer_round_purpose_idx ON offer_round (purpose) WHERE purpose IS NOT NULL;
