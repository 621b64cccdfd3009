-- Session 8 fix I: quotes sealed at rest until the deadline. Each lowest-quote request has its own SM4 quote key, kept
-- here only wrapped under the intermediaries' vault key (a file outside the database); a quote is stored as its
-- SM4-GCM ciphertext (bound to the request and the intermediary) and the SM3 commitment the log carries, its amount
-- NULL until the opening decrypts it. A ciphertext that does not open, or does not match its logged commitment, is
-- INVALID at the opening (logged, not selected).
ALTER TABLE intermediary_request ADD COLUMN quote_key BYTEA;
-- the sequence of the request's own entry in the log (intermediaries.request.made): the opening reads every quote the log
-- committed for the request from there on, so a quote deleted or put back to an earlier one in the database is caught
ALTER TABLE intermediary_request ADD COLUMN made_seq BIGINT;

ALTER TABLE intermediary_quote ALTER COLUMN amount DROP NOT NULL;
ALTER TABLE intermediary_quote ADD COLUMN sealed BYTEA;
ALTER TABLE intermediary_quote ADD COLUMN commitment CHAR(64);
ALTER TABLE intermediary_quote ADD COLUMN submitted_seq BIGINT;
-- PLAIN: a quote given before sealing existed (its amount stored as it was), opened as it stands
ALTER TABLE intermediary_quote ADD COLUMN state VARCHAR(10) NOT NULL DEFAULT 'PLAIN'
    CHECK (state IN ('PLAIN', 'SEALED', 'OPENED', 'INVALID'));
ALTER TABLE intermediary_quote ALTER COLUMN state DROP DEFAULT;
ALTER TABLE intermediary_quote ADD CONSTRAINT intermediary_quote_sealed_or_plain CHECK (
    state = 'PLAIN' AND amount IS NOT NULL
    OR state IN ('SEALED', 'INVALID') AND amount IS NULL AND sealed IS NOT NULL AND commitment IS NOT NULL
    OR state = 'OPENED' AND amount IS NOT NULL AND sealed IS NOT NULL AND commitment IS NOT NULL);
