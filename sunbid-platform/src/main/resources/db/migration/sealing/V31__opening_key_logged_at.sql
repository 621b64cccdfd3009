-- The transparency-log entry that created a tender's opening key (its public key, hash, custodians and their
-- certificates): the bidder tool checks the key it seals to against that entry, with an inclusion proof under a signed
-- tree head, so a key swapped in the database is refused. Keys made before this column existed have none.
ALTER TABLE tender_opening_key ADD COLUMN created_log_seq BIGINT;
