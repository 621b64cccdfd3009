-- Issue 16: the government procurement methods beyond the open tender become runnable procedures, and rules that hold
-- for every method of a kind are kept once (no copied rows per method). A procedure may inherit another's rules: for
-- each rule key the nearest procedure up the chain that defines it decides (all its dated versions), so a method states
-- only what differs. ZFCG_COMMON is a rule set, not a procedure one can run (method COMMON, never listed).
ALTER TABLE deal_procedure ADD COLUMN inherits VARCHAR(40) REFERENCES deal_procedure (code);
ALTER TABLE procedure_rule DROP CONSTRAINT procedure_rule_unit_check;
ALTER TABLE procedure_rule ADD CONSTRAINT procedure_rule_unit_check
    CHECK (unit IN ('DAY', 'WORKING_DAY', 'PERCENT', 'COUNT', 'YUAN', 'HOUR', 'MINUTE', 'FLAG'));

INSERT INTO deal_procedure (code, kind, method, name_zh, name_en, steps, runnable, position) VALUES
    ('ZFCG_COMMON', 'ZFCG', 'COMMON', '政府采购通用规则', 'Government procurement common rules', '{}', FALSE, 0);

-- What 政府采购法, its 实施条例, 87号令 and the policy documents say for every method moves to the common set.
UPDATE procedure_rule SET procedure_code = 'ZFCG_COMMON'
WHERE procedure_code = 'ZFCG_OPEN_TENDER'
  AND rule_key IN ('PROCUREMENT_INTENTION', 'OBJECTION_ANSWER', 'DEPOSIT_MAX', 'AWARD_DECISION', 'RESULT_NOTICE',
                   'RESULT_NOTICE_PERIOD', 'CONTRACT_PERIOD', 'CONTRACT_PUBLICATION', 'DEPOSIT_REFUND', 'LATE_REFUND_MARKUP',
                   'PRICE_WEIGHT_GOODS_MIN', 'PRICE_WEIGHT_SERVICES_MIN', 'SME_DEDUCTION_MIN', 'SME_DEDUCTION_MAX',
                   'DOMESTIC_PREFERENCE', 'LOW_PRICE_MEAN', 'LOW_PRICE_NEXT', 'LOW_PRICE_CAP', 'LOW_PRICE_RAISE_MAX',
                   'LOW_PRICE_EXPLANATION', 'SME_CONSORTIUM_MIN', 'SME_CONSORTIUM_MAX', 'SME_CONSORTIUM_SHARE');

UPDATE deal_procedure SET inherits = 'ZFCG_COMMON' WHERE kind = 'ZFCG' AND code NOT IN ('ZFCG_COMMON', 'ZFCG_INVITED_TENDER');
-- 邀请招标 is the open tender with invitations instead of a notice (政府采购法 Art. 29, 87号令 Art. 14).
UPDATE deal_procedure SET inherits = 'ZFCG_OPEN_TENDER' WHERE code = 'ZFCG_INVITED_TENDER';
UPDATE deal_procedure SET inherits = 'GCJS_OPEN_TENDER' WHERE code = 'GCJS_INVITED_TENDER';

UPDATE deal_procedure SET runnable = TRUE
WHERE code IN ('ZFCG_INVITED_TENDER', 'ZFCG_NEGOTIATION', 'ZFCG_CONSULTATION', 'ZFCG_INQUIRY', 'ZFCG_SINGLE_SOURCE');
UPDATE deal_procedure SET steps = '{INTENTION,APPROVAL,INVITATION,DOCUMENTS,RESPONSE,OPENING,EXPERT_DRAW,NEGOTIATION,FINAL_OFFER,EVALUATION,AWARD,RESULT_NOTICE,CONTRACT,REFUND}'
WHERE code = 'ZFCG_NEGOTIATION';
UPDATE deal_procedure SET steps = '{INTENTION,APPROVAL,INVITATION,DOCUMENTS,RESPONSE,OPENING,EXPERT_DRAW,CONSULTATION,FINAL_OFFER,EVALUATION,AWARD,RESULT_NOTICE,CONTRACT,REFUND}'
WHERE code = 'ZFCG_CONSULTATION';
UPDATE deal_procedure SET steps = '{INTENTION,APPROVAL,INVITATION,DOCUMENTS,QUOTATION,OPENING,EXPERT_DRAW,EVALUATION,AWARD,RESULT_NOTICE,CONTRACT,REFUND}'
WHERE code = 'ZFCG_INQUIRY';
UPDATE deal_procedure SET steps = '{INTENTION,PUBLICITY,APPROVAL,INVITATION,EXPERT_DRAW,NEGOTIATION,AWARD,RESULT_NOTICE,CONTRACT}'
WHERE code = 'ZFCG_SINGLE_SOURCE';
UPDATE deal_procedure SET steps = '{INTENTION,APPROVAL,PREQUALIFICATION,INVITATION,DOCUMENTS,DEPOSIT,BIDDING,OPENING,EXPERT_DRAW,EVALUATION,AWARD,RESULT_NOTICE,CONTRACT,REFUND}'
WHERE code = 'ZFCG_INVITED_TENDER';

INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    -- common to every government procurement method
    ('ZFCG_COMMON', 'OPEN_TENDER_THRESHOLD', 4000000, 'YUAN', '国办发〔2019〕55号（货物和服务项目公开招标数额标准）；《政府采购法》第二十七条', '2020-01-01', NULL),
    ('ZFCG_COMMON', 'INQUIRY_ANSWER', 3, 'WORKING_DAY', '《政府采购法实施条例》第五十二条', '2015-03-01', NULL),
    ('ZFCG_COMMON', 'CHALLENGE_PERIOD', 7, 'WORKING_DAY', '《政府采购法》第五十二条；财政部令第94号第十条', '2018-03-01', NULL),
    ('ZFCG_COMMON', 'CHALLENGE_ANSWER', 7, 'WORKING_DAY', '《政府采购法》第五十三条；财政部令第94号第十三条', '2018-03-01', NULL),
    ('ZFCG_COMMON', 'COMPLAINT_PERIOD', 15, 'WORKING_DAY', '《政府采购法》第五十五条；财政部令第94号第十七条', '2018-03-01', NULL),
    ('ZFCG_COMMON', 'COMPLAINT_INTAKE', 5, 'WORKING_DAY', '财政部令第94号第二十一条（审查）', '2018-03-01', NULL),
    ('ZFCG_COMMON', 'COMPLAINT_COPY', 8, 'WORKING_DAY', '财政部令第94号第二十一条（答复通知书及投诉书副本）', '2018-03-01', NULL),
    ('ZFCG_COMMON', 'COMPLAINT_REPLY', 5, 'WORKING_DAY', '财政部令第94号第二十二条', '2018-03-01', NULL),
    ('ZFCG_COMMON', 'COMPLAINT_DECISION', 30, 'WORKING_DAY', '《政府采购法》第五十六条；《实施条例》第五十八条（检验、检测、鉴定、专家评审时间不计入）', '2003-01-01', NULL),
    ('ZFCG_COMMON', 'COMPLAINT_SUSPENSION_MAX', 30, 'DAY', '《政府采购法》第五十七条', '2003-01-01', NULL),
    ('ZFCG_COMMON', 'UNFOUNDED_COMPLAINTS_MAX', 3, 'COUNT', '财政部令第94号第三十七条（12个月内三次以上投诉查无实据）', '2018-03-01', NULL),
    -- bids or responses needed to open (open tender 87号令 Art. 41)
    ('ZFCG_OPEN_TENDER', 'OPENING_MIN', 3, 'COUNT', '财政部令第87号第四十一条', '2017-10-01', NULL),
    -- 邀请招标: the open tender's rules (inherited) plus the invitation (87号令 Art. 14)
    ('ZFCG_INVITED_TENDER', 'INVITED_MIN', 3, 'COUNT', '《政府采购法》第三十四条；财政部令第87号第十四条', '2017-10-01', NULL),
    ('ZFCG_INVITED_TENDER', 'INVITATION_POOL_FACTOR', 2, 'COUNT', '财政部令第87号第十四条（备选供应商不少于拟抽取数的两倍）', '2017-10-01', NULL),
    ('ZFCG_INVITED_TENDER', 'DRAW_WITNESSES_MIN', 2, 'COUNT', '财政部令第87号第十四条（不少于两名采购人工作人员在场监督）', '2017-10-01', NULL),
    ('ZFCG_INVITED_TENDER', 'INVITATION_ONLY', 1, 'FLAG', '《政府采购法》第三十四条', '2003-01-01', NULL),
    -- 竞争性谈判 (财政部令第74号, in force 2014-02-01)
    ('ZFCG_NEGOTIATION', 'BIDDING_PERIOD', 3, 'WORKING_DAY', '财政部令第74号第二十九条（首次响应文件）', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'CLARIFICATION_NOTICE', 3, 'WORKING_DAY', '财政部令第74号第二十九条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'INVITED_MIN', 3, 'COUNT', '财政部令第74号第十二条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'RECOMMENDED_MAX', 50, 'PERCENT', '财政部令第74号第十二条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'INVITATION_ONLY', 1, 'FLAG', '财政部令第74号第十二条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'PANEL_MIN', 3, 'COUNT', '财政部令第74号第七条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'PANEL_MIN_LARGE', 5, 'COUNT', '财政部令第74号第七条（达到公开招标数额标准）', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'PANEL_LARGE_BUDGET', 4000000, 'YUAN', '财政部令第74号第七条；国办发〔2019〕55号', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'OPENING_MIN', 3, 'COUNT', '财政部令第74号第三十七条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'QUALIFIED_MIN', 3, 'COUNT', '财政部令第74号第三十七条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'FINAL_OFFERS_MIN', 3, 'COUNT', '财政部令第74号第三十三条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'NEGOTIATION_ROUNDS', 1, 'FLAG', '财政部令第74号第三十一条、第三十二条', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'ROUND_CHANGE_RESPONSE', 30, 'MINUTE', '财政部令第74号第三十二条（书面通知所有参加谈判的供应商）；平台默认', '2014-02-01', NULL),
    ('ZFCG_NEGOTIATION', 'LOWEST_PRICE_ONLY', 1, 'FLAG', '财政部令第74号第三十五条、第三十六条', '2014-02-01', NULL),
    -- 竞争性磋商 (财库〔2014〕214号, in force 2014-12-31; 财库〔2015〕124号 from 2015-06-30)
    ('ZFCG_CONSULTATION', 'BIDDING_PERIOD', 10, 'DAY', '财库〔2014〕214号第十条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'DOCUMENT_PERIOD', 5, 'WORKING_DAY', '财库〔2014〕214号第十条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'CLARIFICATION_NOTICE', 5, 'DAY', '财库〔2014〕214号第十条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'INVITED_MIN', 3, 'COUNT', '财库〔2014〕214号第六条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'RECOMMENDED_MAX', 50, 'PERCENT', '财库〔2014〕214号第六条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'INVITATION_ONLY', 1, 'FLAG', '财库〔2014〕214号第六条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'PANEL_MIN', 3, 'COUNT', '财库〔2014〕214号第十四条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'PANEL_MIN_LARGE', 5, 'COUNT', '财库〔2014〕214号第十四条（达到公开招标数额标准）', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'PANEL_LARGE_BUDGET', 4000000, 'YUAN', '财库〔2014〕214号第十四条；国办发〔2019〕55号', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'OPENING_MIN', 3, 'COUNT', '财库〔2014〕214号第二十一条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'QUALIFIED_MIN', 3, 'COUNT', '财库〔2014〕214号第二十一条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'FINAL_OFFERS_MIN', 3, 'COUNT', '财库〔2014〕214号第二十一条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'FINAL_OFFERS_MIN_SERVICES', 2, 'COUNT', '财库〔2015〕124号（政府购买服务项目符合要求的供应商只有2家的可以继续）', '2015-06-30', NULL),
    ('ZFCG_CONSULTATION', 'NEGOTIATION_ROUNDS', 1, 'FLAG', '财库〔2014〕214号第十七条、第十八条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'ROUND_CHANGE_RESPONSE', 30, 'MINUTE', '财库〔2014〕214号第十八条（书面通知所有参加磋商的供应商）；平台默认', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'COMPREHENSIVE_ONLY', 1, 'FLAG', '财库〔2014〕214号第二十三条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'PRICE_WEIGHT_GOODS_MIN', 30, 'PERCENT', '财库〔2014〕214号第二十四条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'PRICE_WEIGHT_GOODS_MAX', 60, 'PERCENT', '财库〔2014〕214号第二十四条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'PRICE_WEIGHT_SERVICES_MIN', 10, 'PERCENT', '财库〔2014〕214号第二十四条', '2014-12-31', NULL),
    ('ZFCG_CONSULTATION', 'PRICE_WEIGHT_SERVICES_MAX', 30, 'PERCENT', '财库〔2014〕214号第二十四条', '2014-12-31', NULL),
    -- 询价 (74号令 Art. 44–51)
    ('ZFCG_INQUIRY', 'BIDDING_PERIOD', 3, 'WORKING_DAY', '财政部令第74号第四十五条', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'CLARIFICATION_NOTICE', 3, 'WORKING_DAY', '财政部令第74号第四十五条', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'INVITED_MIN', 3, 'COUNT', '财政部令第74号第十二条', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'RECOMMENDED_MAX', 50, 'PERCENT', '财政部令第74号第十二条', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'INVITATION_ONLY', 1, 'FLAG', '财政部令第74号第十二条', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'PANEL_MIN', 3, 'COUNT', '财政部令第74号第七条', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'PANEL_MIN_LARGE', 5, 'COUNT', '财政部令第74号第七条（达到公开招标数额标准）', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'PANEL_LARGE_BUDGET', 4000000, 'YUAN', '财政部令第74号第七条；国办发〔2019〕55号', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'OPENING_MIN', 3, 'COUNT', '财政部令第74号第五十条', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'QUALIFIED_MIN', 3, 'COUNT', '财政部令第74号第四十八条、第五十条', '2014-02-01', NULL),
    ('ZFCG_INQUIRY', 'LOWEST_PRICE_ONLY', 1, 'FLAG', '财政部令第74号第四十九条', '2014-02-01', NULL),
    -- 单一来源 (实施条例 Art. 38; 74号令 Art. 38–43)
    ('ZFCG_SINGLE_SOURCE', 'SINGLE_SOURCE_PUBLICITY', 5, 'WORKING_DAY', '《政府采购法实施条例》第三十八条；财政部令第74号第三十八条', '2015-03-01', NULL),
    ('ZFCG_SINGLE_SOURCE', 'SINGLE_SOURCE_REVIEW', 5, 'WORKING_DAY', '财政部令第74号第四十条', '2014-02-01', NULL),
    ('ZFCG_SINGLE_SOURCE', 'INVITED_MIN', 1, 'COUNT', '《政府采购法》第三十一条', '2003-01-01', NULL),
    ('ZFCG_SINGLE_SOURCE', 'INVITATION_ONLY', 1, 'FLAG', '《政府采购法》第三十九条', '2003-01-01', NULL),
    ('ZFCG_SINGLE_SOURCE', 'OPENING_MIN', 1, 'COUNT', '《政府采购法》第三十一条', '2003-01-01', NULL),
    ('ZFCG_SINGLE_SOURCE', 'PANEL_MIN', 3, 'COUNT', '财政部令第74号第四十二条（具有相关经验的专业人员）；平台默认', '2014-02-01', NULL),
    ('ZFCG_SINGLE_SOURCE', 'NEGOTIATION_ROUNDS', 1, 'FLAG', '《政府采购法》第三十九条；财政部令第74号第四十二条', '2014-02-01', NULL),
    ('ZFCG_SINGLE_SOURCE', 'BUDGET_STOPS', 1, 'FLAG', '财政部令第74号第四十三条（报价超过采购预算的终止）', '2014-02-01', NULL),
    -- construction: bids needed to open, complaints (招标投标法实施条例 Art. 44, 60–61)
    ('GCJS_OPEN_TENDER', 'OPENING_MIN', 3, 'COUNT', '《招标投标法》第二十八条；《实施条例》第四十四条', '2000-01-01', NULL),
    ('GCJS_OPEN_TENDER', 'COMPLAINT_PERIOD', 10, 'DAY', '《招标投标法实施条例》第六十条', '2012-02-01', NULL),
    ('GCJS_OPEN_TENDER', 'COMPLAINT_INTAKE', 3, 'WORKING_DAY', '《招标投标法实施条例》第六十一条', '2012-02-01', NULL),
    ('GCJS_OPEN_TENDER', 'COMPLAINT_DECISION', 30, 'WORKING_DAY', '《招标投标法实施条例》第六十一条（检验、检测、鉴定、专家评审时间不计入）', '2012-02-01', NULL);
