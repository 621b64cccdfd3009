-- Issue 20 fix I: the intermediary draw's secret is committed and revealed by the trading centre's staff, not the owner;
-- a draw not revealed by its deadline fails publicly; one open draw per owner and service kind.
ALTER TABLE intermediary_request ADD COLUMN draw_deadline TIMESTAMP WITH TIME ZONE;
UPDATE intermediary_request SET draw_deadline = created_at + INTERVAL '3 days' WHERE method = 'RANDOM_DRAW';
CREATE UNIQUE INDEX intermediary_request_open_draw ON intermediary_request (owner_id, service_kind)
    WHERE method = 'RANDOM_DRAW' AND status = 'AWAITING_SECRET';
