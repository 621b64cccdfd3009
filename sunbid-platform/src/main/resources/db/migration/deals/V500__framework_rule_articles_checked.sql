-- Session 11 (issue 22 follow-up): the basis text of the framework-agreement rule rows (V430, procedure ZFCG_FRAMEWORK,
-- in force 2022-03-01) after checking them against published text (STATUS-R.md quotes each source).
--
-- * The article numbers of 财政部令第110号 that V430 gave (第四条, 第十二条, 第十四条, 第二十六条, 第二十七条,
--   第三十八条) were from memory and were NOT found in any text we could read: they are removed rather than shown in
--   refusals as if verified; each row now names the order and quotes the substance, with "条次待核 ⚠".
-- * Substance read in reprints of the text: closed agreements are the main form; the open agreement's definition;
--   the mandatory maximum unit price in the notice and documents; price-first and quality-first as the closed
--   procedure's methods (quality-first for government-priced items and testing or laboratory instruments).
-- * Not read anywhere (kept [M ⚠]): at least 2 respondents, the 20 % / one-supplier elimination, the 1-year and
--   2-year terms.
-- * Confirmed in 政府采购法实施条例 (LawRefBook/Laws): Art. 50, a contract is published within 2 working days of its
--   signature; 110号令's own article for the second-stage contract stays to be checked.
-- Amounts, units and dates are unchanged; only the text a refusal quotes changes.
UPDATE procedure_rule SET article = v.article
FROM (VALUES
    ('FRAMEWORK_CLOSED', '财政部令第110号（封闭式框架协议采购是框架协议采购的主要形式）⚠ 条次待核'),
    ('FRAMEWORK_OPEN', '财政部令第110号（开放式框架协议采购：明确采购需求和付费标准等框架协议条件，愿意接受协议条件的供应商可以随时申请加入）⚠ 条次待核'),
    ('MAX_UNIT_PRICE_REQUIRED', '财政部令第110号（集中采购机构或者主管预算单位应当在征集公告和征集文件中确定框架协议采购的最高限制单价）⚠ 条次待核'),
    ('SHORTLIST_PRICE_FIRST', '财政部令第110号（封闭式框架协议确定第一阶段入围供应商的评审方法：价格优先法）⚠ 条次待核'),
    ('SHORTLIST_QUALITY_FIRST', '财政部令第110号（质量优先法：有政府定价、政府指导价的项目，以及对质量有特别要求的检测、实验等仪器设备可以采用）⚠ 条次待核'),
    ('SHORTLIST_RESPONDENTS_MIN', '财政部令第110号（响应且合格的供应商均不少于2家）[M ⚠ 原文与条次均待核]'),
    ('ELIMINATION_MIN_PERCENT', '财政部令第110号（封闭式：淘汰比例一般不得低于20%）[M ⚠ 原文与条次均待核]'),
    ('ELIMINATION_MIN_COUNT', '财政部令第110号（封闭式：且至少淘汰一家供应商）[M ⚠ 原文与条次均待核]'),
    ('TERM_GOODS', '财政部令第110号（货物项目框架协议有效期一般不超过1年）[M ⚠ 原文、上限与条次均待核]'),
    ('TERM_SERVICES', '财政部令第110号（服务项目框架协议有效期一般不超过2年）[M ⚠ 原文、上限与条次均待核]'),
    ('ORDER_PUBLICATION', '《政府采购法实施条例》第五十条（采购人应当自政府采购合同签订之日起2个工作日内公告合同）；财政部令第110号相应条款 ⚠ 待核')
) AS v (rule_key, article)
WHERE procedure_rule.procedure_code = 'ZFCG_FRAMEWORK'
  AND procedure_rule.rule_key = v.rule_key
  AND procedure_rule.effective_from = DATE '2022-03-01';
