-- 财政部令第87号第三十八条: a late deposit refund carries the benchmark loan rate for the period raised by 20%
-- (同期贷款基准利率上浮20%).
INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    ('ZFCG_OPEN_TENDER', 'LATE_REFUND_MARKUP', 20, 'PERCENT', '财政部令第87号第三十八条', '2017-10-01', NULL);
