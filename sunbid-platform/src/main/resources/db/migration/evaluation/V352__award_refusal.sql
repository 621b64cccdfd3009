-- Issue 20 fix D: the winner refused the award or did not sign the contract (招标投标法实施条例第七十四条; 政府采购法实施条例
-- 第四十九条、第七十二条), recorded by the tender's owner with its reason: once per award; no contract is then recorded
-- with that winner, its contract is no longer reminded or flagged overdue, its deposit is forfeited (payments) and a
-- credit record is made. Choosing the next candidate (条例 Art. 55) is a later step, not recorded here.
CREATE TABLE award_refusal (
    tender_id        UUID PRIMARY KEY REFERENCES award (tender_id),
    winner_id        UUID NOT NULL,
    kind             VARCHAR(20) NOT NULL CHECK (kind IN ('AWARD', 'CONTRACT')),
    reason           VARCHAR(500) NOT NULL,
    basis            VARCHAR(200) NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by      VARCHAR(64) NOT NULL,
    forfeited        NUMERIC(18, 2) NOT NULL,
    credit_record_id UUID NOT NULL
);
