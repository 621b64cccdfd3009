-- Issue 22: framework agreements (框架协议采购, 财政部令第110号《政府采购框架协议采购方式管理暂行办法》, in force
-- 2022-03-01) become runnable. The first stage is a project/lot of procedure ZFCG_FRAMEWORK (its rules dated data here,
-- the common government procurement rules inherited); the agreement, its responses, shortlist, joins, orders, sealed
-- secondary-competition offers and notices are procurement's own tables.
--
-- ⚠ The article numbers of 110号令 below are from memory (domain-2 §4.7 is tagged [M ⚠]): verify them against the
-- official text before relying on them. The 20 % / 1 elimination and the 1-year/2-year terms are marked ⚠ there too.
UPDATE deal_procedure
SET runnable = TRUE,
    steps    = '{NOTICE,DOCUMENTS,RESPONSE,SHORTLIST,AGREEMENT,CALL_OFF,CONTRACT}'
WHERE code = 'ZFCG_FRAMEWORK';

INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    ('ZFCG_FRAMEWORK', 'FRAMEWORK_CLOSED', 1, 'FLAG', '财政部令第110号第四条（封闭式框架协议采购是主要形式）[M ⚠ 条次待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'FRAMEWORK_OPEN', 1, 'FLAG', '财政部令第110号第四条、第四章（开放式框架协议：供应商可随时申请加入）[M ⚠ 条次待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'MAX_UNIT_PRICE_REQUIRED', 1, 'FLAG', '财政部令第110号第十二条（应当确定最高限制单价）[M ⚠ 条次待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'SHORTLIST_PRICE_FIRST', 1, 'FLAG', '财政部令第110号第二十七条（价格优先法）[M ⚠ 条次待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'SHORTLIST_QUALITY_FIRST', 1, 'FLAG', '财政部令第110号第二十七条（质量优先法）[M ⚠ 条次待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'SHORTLIST_RESPONDENTS_MIN', 2, 'COUNT', '财政部令第110号第二十六条（响应且合格的供应商均不少于2家）[M ⚠ 条次待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'ELIMINATION_MIN_PERCENT', 20, 'PERCENT', '财政部令第110号第二十六条（淘汰比例一般不得低于20%）[M ⚠ 条次待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'ELIMINATION_MIN_COUNT', 1, 'COUNT', '财政部令第110号第二十六条（且至少淘汰一家供应商）[M ⚠ 条次待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'TERM_GOODS', 12, 'MONTH', '财政部令第110号第十四条（货物项目框架协议有效期一般不超过1年）[M ⚠ 条次与上限待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'TERM_SERVICES', 24, 'MONTH', '财政部令第110号第十四条（服务项目框架协议有效期一般不超过2年）[M ⚠ 条次与上限待核]', '2022-03-01', NULL),
    ('ZFCG_FRAMEWORK', 'ORDER_PUBLICATION', 2, 'WORKING_DAY', '财政部令第110号第三十八条；《政府采购法实施条例》第五十条（合同公告2个工作日内）[M ⚠ 条次待核]', '2022-03-01', NULL);

