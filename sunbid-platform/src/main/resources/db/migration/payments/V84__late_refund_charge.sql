-- 财政部令第87号 Art. 38: a deposit refunded late carries a charge at the benchmark loan rate raised by 20%, from the
-- due day to the refund. late_rate is that annual rate, fixed when the refund falls due (NULL: the procedure has no
-- such charge, e.g. construction, Reg. 57); due_article names the rule that set the refund's due time.
ALTER TABLE refund_instruction ADD COLUMN late_rate NUMERIC(10, 6) CHECK (late_rate >= 0);
ALTER TABLE refund_instruction ADD COLUMN due_article VARCHAR(100);
