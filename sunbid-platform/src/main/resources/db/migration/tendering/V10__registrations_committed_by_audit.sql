-- Registrations are now committed through the audit context's confidential records (log_confidential), keyed by the
-- registration id. Registrations made before this migration keep the log entry that committed them.
INSERT INTO log_confidential (id, recorded_at, action, subject, region_code, actor, payload, committed_seq)
SELECT r.id, r.registered_at, 'tendering.registration.made', r.tender_id::text, t.region_code, r.registered_by,
       json_build_object('registrationId', r.id::text, 'bidderId', r.bidder_id::text)::text, r.committed_seq
FROM tender_registration r JOIN tender t ON t.id = r.tender_id;
DROP INDEX tender_registration_uncommitted_idx;
ALTER TABLE tender_registration DROP COLUMN committed_seq;
