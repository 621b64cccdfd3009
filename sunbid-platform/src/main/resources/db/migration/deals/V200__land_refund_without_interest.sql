-- Issue 17 wave 2 (part GAP): 国土资源部令第39号第二十一条 — the unsuccessful bidders' land deposits are refunded within
-- 5 working days WITHOUT interest (不计利息). A dated FLAG rule of the land rule set, inherited by TDSYQ_AUCTION and
-- TDSYQ_LISTING; payments asks the lot's rules (RuleKeys.REFUND_WITHOUT_INTEREST) instead of always adding Reg. 57's
-- bank interest. Mining and state property keep their interest until a rule says otherwise.
INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    ('TDSYQ_COMMON', 'REFUND_WITHOUT_INTEREST', 1, 'FLAG', '国土资源部令第39号第二十一条（竞买保证金退还，不计利息）', '2007-11-01', NULL);
