-- Registrations are now committed through the audit context's confidential records (log_confidential), keyed by the
-- registration id. The sealed digests that committed earlier registrations stay in the log; the column is dropped.
DROP INDEX tender_registration_uncommitted_idx;
ALTER TABLE tender_registration DROP COLUMN committed_seq;
