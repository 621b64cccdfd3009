-- The government procurement open tender's evaluation rules that V60 left implicit (issue 15, wave 2): dated data like
-- the others, read by evaluation at the event's date.
--   QUALIFIED_MIN: fewer qualified bids after the qualification and compliance review → no evaluation (87号令 Art. 44);
--   SME_CONSORTIUM_MIN/MAX: the lower deduction for a consortium or subcontract giving small/micro enterprises at least
--   SME_CONSORTIUM_SHARE of the contract (财库〔2020〕46号 Art. 9: 2%–3%; 财库〔2022〕19号: 4%–6%).
INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    ('ZFCG_OPEN_TENDER', 'QUALIFIED_MIN', 3, 'COUNT', '财政部令第87号第四十四条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'SME_CONSORTIUM_MIN', 2, 'PERCENT', '财库〔2020〕46号第九条', '2021-01-01', '2022-06-30'),
    ('ZFCG_OPEN_TENDER', 'SME_CONSORTIUM_MIN', 4, 'PERCENT', '财库〔2022〕19号', '2022-07-01', NULL),
    ('ZFCG_OPEN_TENDER', 'SME_CONSORTIUM_MAX', 3, 'PERCENT', '财库〔2020〕46号第九条', '2021-01-01', '2022-06-30'),
    ('ZFCG_OPEN_TENDER', 'SME_CONSORTIUM_MAX', 6, 'PERCENT', '财库〔2022〕19号', '2022-07-01', NULL),
    ('ZFCG_OPEN_TENDER', 'SME_CONSORTIUM_SHARE', 30, 'PERCENT', '财库〔2020〕46号第九条', '2021-01-01', NULL);
