-- Deposit refunds after the award (Reg. 57): to the bidders not awarded when the award is made, to the winner once the
-- contract is signed, each with the bank's interest for the same period, due within 5 days; one not completed by
-- then is flagged to the supervisor.
ALTER TABLE refund_instruction ADD COLUMN interest NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (interest >= 0);
ALTER TABLE refund_instruction ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE refund_instruction ADD COLUMN overdue_flagged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE refund_instruction ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE refund_instruction ADD CONSTRAINT refund_instruction_reason_check
    CHECK (reason IN ('WRONG_AMOUNT', 'LATE', 'UNKNOWN_ACCOUNT', 'DUPLICATE', 'NOT_AWARDED', 'AWARDED_CONTRACT_SIGNED'));
CREATE INDEX refund_instruction_due_idx ON refund_instruction (due_at) WHERE overdue_flagged_at IS NULL AND due_at IS NOT NULL;
