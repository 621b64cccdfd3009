-- Government procurement after the evaluation (政府采购公开招标): no candidates' publicity — the report goes to the
-- purchaser, who decides the award within 5 working days (政府采购法实施条例 Art. 43; otherwise the first-ranked is
-- deemed chosen); the result notice is published at the award and runs 1 working day (财政部令第87号 Art. 69); the
-- signed contract is published within 2 working days (条例 Art. 50), an overdue publication flagged to the supervisor.
ALTER TABLE evaluation DROP CONSTRAINT evaluation_stage_check;
ALTER TABLE evaluation ADD CONSTRAINT evaluation_stage_check CHECK (stage IN ('QUALIFICATION', 'SCORING', 'RANKED', 'REPORTED',
    'PUBLICITY', 'DECISION', 'AWARDED', 'CONTRACTED', 'FAILED'));

-- The report delivered to the purchaser, and the last moment of its award decision (条例 Art. 43).
CREATE TABLE award_decision
(
    tender_id     UUID        PRIMARY KEY REFERENCES evaluation (tender_id),
    procedure     VARCHAR(40) NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_due  TIMESTAMP WITH TIME ZONE NOT NULL,
    log_seq       BIGINT      NOT NULL
);
CREATE INDEX award_decision_due_idx ON award_decision (decision_due);

ALTER TABLE award ADD COLUMN deemed BOOLEAN NOT NULL DEFAULT FALSE;
-- 87号令 Art. 69: the result notice, published at the award; its last due moment and the end of its period.
ALTER TABLE award ADD COLUMN result_notice_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE award ADD COLUMN result_notice_period_ends TIMESTAMP WITH TIME ZONE;
-- 条例 Art. 50: the contract's publication.
ALTER TABLE award ADD COLUMN contract_publication_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE award ADD COLUMN contract_published_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE award ADD COLUMN contract_publication_flagged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE award ADD COLUMN contract_rule VARCHAR(100); -- the article setting the contract's period (Law 46 / 政府采购法 Art. 46)
