-- Construction counts a complaint's 30 working days from its acceptance (招标投标法实施条例 Art. 61: 自受理投诉之日起
-- 30个工作日内作出书面处理决定); government procurement from its receipt (财政部令第94号 Art. 26: 自收到投诉之日起),
-- which needs no rule. A FLAG of the construction procedures, inherited by the invited tender.
INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    ('GCJS_OPEN_TENDER', 'COMPLAINT_DECISION_FROM_ACCEPTANCE', 1, 'FLAG', '《招标投标法实施条例》第六十一条', '2012-02-01', NULL);
