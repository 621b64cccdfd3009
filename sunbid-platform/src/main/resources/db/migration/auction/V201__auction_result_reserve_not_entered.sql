-- Issue 17 wave 2 (part GAP): a lot announced with a reserve whose owner sealed none before RESERVE_DEADLINE has no
-- reserve (domain-2 §1, [F:S10 Art 32]: none entered = no reserve); its result row says so.
ALTER TABLE auction_result ADD COLUMN reserve_not_entered BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE auction_result ADD CHECK (NOT reserve_not_entered OR reserve IS NULL);
