-- Session 8 (P): a draw whose reveal finds the pool unable to yield the minimum (a drawn supplier barred by credit and
-- the ranking run out, or a recommended one barred so that fewer than the minimum are invited: 法 Art. 34, 87号令
-- Art. 14) ends FAILED, decided by the platform at the reveal, with its secret recorded so the walk re-computes; the lot
-- may then have a new draw with a new commitment. Every draw of a lot stays (its history), at most one not FAILED.
ALTER TABLE invitation_draw DROP CONSTRAINT invitation_draw_tender_id_key;
CREATE UNIQUE INDEX invitation_draw_one_open ON invitation_draw (tender_id) WHERE status <> 'FAILED';
CREATE INDEX invitation_draw_tender ON invitation_draw (tender_id, created_at);

ALTER TABLE invitation_draw DROP CONSTRAINT invitation_draw_status_check;
ALTER TABLE invitation_draw ADD CONSTRAINT invitation_draw_status_check
    CHECK (status IN ('AWAITING_SECRET', 'DRAWN', 'FAILED'));

ALTER TABLE invitation_draw ADD COLUMN failure_reason    VARCHAR(40);
ALTER TABLE invitation_draw ADD COLUMN failure_required  INT;
ALTER TABLE invitation_draw ADD COLUMN failure_available INT;
ALTER TABLE invitation_draw ADD CONSTRAINT invitation_draw_failed_complete
    CHECK (status <> 'FAILED' OR (failure_reason IN ('INVITATION_POOL_EXHAUSTED', 'INVITED_TOO_FEW')
        AND secret_hex IS NOT NULL AND drawn_json IS NOT NULL AND drawn_at IS NOT NULL
        AND failure_required IS NOT NULL AND failure_available IS NOT NULL));
