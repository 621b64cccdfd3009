-- The supervisor's own tool generates the draw's secret; the platform receives only its SM3 at the commitment and the
-- secret itself when the supervisor reveals it, after the pool is fixed and a tree head signed (AWAITING_SECRET).
-- secret_sealed is empty until the reveal; revealed_seq is the log entry of the reveal.
ALTER TABLE expert_draw ALTER COLUMN status TYPE VARCHAR(16);
ALTER TABLE expert_draw DROP CONSTRAINT expert_draw_status_check;
ALTER TABLE expert_draw ADD CONSTRAINT expert_draw_status_check
    CHECK (status IN ('REQUESTED', 'SCHEDULED', 'AWAITING_SECRET', 'NOTIFYING', 'COMPLETE', 'SHORT', 'PUBLISHED',
                      'CANCELLED'));
ALTER TABLE expert_draw ADD COLUMN revealed_seq BIGINT;
ALTER TABLE expert_draw ADD COLUMN revealed_by VARCHAR(64);
