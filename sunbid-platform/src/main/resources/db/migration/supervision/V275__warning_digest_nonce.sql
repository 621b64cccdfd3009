-- The random nonce mixed into a warning's content digest (issue 19 review): the raise is logged sealed and its
-- digest, revealed with the decision, commits to the content without letting anyone confirm a guessed content.
-- Null for warnings raised before this column existed (their digest had no nonce).
ALTER TABLE supervision_warning ADD COLUMN digest_nonce VARCHAR(64);
