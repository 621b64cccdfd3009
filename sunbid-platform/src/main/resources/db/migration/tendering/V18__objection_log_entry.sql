-- The sealed log entry recording who objected (raised_seq) is disclosed when bidding closes; this names it.
ALTER TABLE tender_objection ADD COLUMN raised_seq BIGINT;
