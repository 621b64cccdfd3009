-- Procedures (交易方式) and their time limits as dated data (issue 15). A rule is evaluated at the date of the event
-- (Beijing date); its versions follow each other without gap or overlap (checked by deals.domain.RuleBook when read).
-- "日" (DAY) and "工作日" (WORKING_DAY) are never converted into each other (domain-2 §0).
CREATE TABLE deal_procedure
(
    code       VARCHAR(40)   PRIMARY KEY,
    kind       VARCHAR(10)   NOT NULL CHECK (kind IN ('GCJS', 'ZFCG', 'TDSYQ', 'KYQ', 'GYCQ')),
    method     VARCHAR(30)   NOT NULL,
    name_zh    VARCHAR(60)   NOT NULL,
    name_en    VARCHAR(80)   NOT NULL,
    steps      VARCHAR(40)[] NOT NULL,
    runnable   BOOLEAN       NOT NULL DEFAULT FALSE,
    position   INT           NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    created_by VARCHAR(64)   NOT NULL DEFAULT 'migration'
);

CREATE TABLE procedure_rule
(
    procedure_code VARCHAR(40)    NOT NULL REFERENCES deal_procedure (code),
    rule_key       VARCHAR(40)    NOT NULL,
    amount         NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    unit           VARCHAR(12)    NOT NULL CHECK (unit IN ('DAY', 'WORKING_DAY', 'PERCENT', 'COUNT', 'YUAN', 'HOUR', 'MINUTE')),
    article        VARCHAR(200)   NOT NULL,
    effective_from DATE           NOT NULL,
    effective_to   DATE           CHECK (effective_to IS NULL OR effective_to >= effective_from),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    created_by     VARCHAR(64)    NOT NULL DEFAULT 'migration',
    PRIMARY KEY (procedure_code, rule_key, effective_from)
);

INSERT INTO deal_procedure (code, kind, method, name_zh, name_en, steps, runnable, position) VALUES
    ('GCJS_OPEN_TENDER', 'GCJS', 'OPEN_TENDER', '公开招标', 'Open tender',
        '{NOTICE,DOCUMENTS,REGISTRATION,DEPOSIT,BIDDING,OPENING,EXPERT_DRAW,EVALUATION,CANDIDATE_PUBLICITY,AWARD,CONTRACT,REFUND}', TRUE, 10),
    ('GCJS_INVITED_TENDER', 'GCJS', 'INVITED_TENDER', '邀请招标', 'Invited tender',
        '{INVITATION,DOCUMENTS,DEPOSIT,BIDDING,OPENING,EXPERT_DRAW,EVALUATION,CANDIDATE_PUBLICITY,AWARD,CONTRACT,REFUND}', FALSE, 20),
    ('ZFCG_OPEN_TENDER', 'ZFCG', 'OPEN_TENDER', '公开招标', 'Open tender',
        '{INTENTION,NOTICE,DOCUMENTS,REGISTRATION,DEPOSIT,BIDDING,OPENING,EXPERT_DRAW,EVALUATION,AWARD,RESULT_NOTICE,CONTRACT,REFUND}', TRUE, 30),
    ('ZFCG_INVITED_TENDER', 'ZFCG', 'INVITED_TENDER', '邀请招标', 'Invited tender',
        '{INTENTION,PREQUALIFICATION,INVITATION,DOCUMENTS,BIDDING,OPENING,EXPERT_DRAW,EVALUATION,AWARD,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 40),
    ('ZFCG_NEGOTIATION', 'ZFCG', 'NEGOTIATION', '竞争性谈判', 'Competitive negotiation',
        '{INTENTION,INVITATION,DOCUMENTS,RESPONSE,NEGOTIATION,FINAL_OFFER,AWARD,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 50),
    ('ZFCG_CONSULTATION', 'ZFCG', 'CONSULTATION', '竞争性磋商', 'Competitive consultation',
        '{INTENTION,NOTICE,DOCUMENTS,RESPONSE,CONSULTATION,FINAL_OFFER,EVALUATION,AWARD,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 60),
    ('ZFCG_INQUIRY', 'ZFCG', 'INQUIRY', '询价', 'Request for quotations',
        '{INTENTION,NOTICE,DOCUMENTS,QUOTATION,EVALUATION,AWARD,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 70),
    ('ZFCG_SINGLE_SOURCE', 'ZFCG', 'SINGLE_SOURCE', '单一来源', 'Single source',
        '{INTENTION,PUBLICITY,APPROVAL,NEGOTIATION,AWARD,RESULT_NOTICE,CONTRACT}', FALSE, 80),
    ('ZFCG_FRAMEWORK', 'ZFCG', 'FRAMEWORK', '框架协议', 'Framework agreement',
        '{NOTICE,DOCUMENTS,RESPONSE,EVALUATION,SHORTLIST,AGREEMENT,CALL_OFF}', FALSE, 90),
    ('TDSYQ_AUCTION', 'TDSYQ', 'AUCTION', '拍卖出让', 'Auction',
        '{NOTICE,REGISTRATION,DEPOSIT,AUCTION,CONFIRMATION,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 100),
    ('TDSYQ_LISTING', 'TDSYQ', 'LISTING', '挂牌出让', 'Listing',
        '{NOTICE,REGISTRATION,DEPOSIT,LISTING,ON_SITE_AUCTION,CONFIRMATION,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 110),
    ('KYQ_AUCTION', 'KYQ', 'AUCTION', '拍卖出让', 'Auction',
        '{NOTICE,REGISTRATION,DEPOSIT,AUCTION,CONFIRMATION,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 120),
    ('KYQ_LISTING', 'KYQ', 'LISTING', '挂牌出让', 'Listing',
        '{NOTICE,REGISTRATION,DEPOSIT,LISTING,ON_SITE_AUCTION,CONFIRMATION,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 130),
    ('GYCQ_ONLINE_BIDDING', 'GYCQ', 'ONLINE_BIDDING', '网络竞价', 'Online bidding',
        '{DISCLOSURE,REGISTRATION,DEPOSIT,ONLINE_BIDDING,CONFIRMATION,RESULT_NOTICE,CONTRACT,REFUND}', FALSE, 140);

-- Construction open tender: the values of tendering.LegalPeriods.LAW and the later steps (招标投标法 in force
-- 2000-01-01; its 实施条例 2012-02-01). Kept as one version from 2000-01-01 so that every existing tender resolves them.
INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from) VALUES
    ('GCJS_OPEN_TENDER', 'BIDDING_PERIOD', 20, 'DAY', '《招标投标法》第二十四条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'DOCUMENT_PERIOD', 5, 'DAY', '《招标投标法实施条例》第十六条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'CLARIFICATION_NOTICE', 15, 'DAY', '《招标投标法》第二十三条、《实施条例》第二十一条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'OBJECTION_CUTOFF', 10, 'DAY', '《招标投标法实施条例》第二十二条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'OBJECTION_ANSWER', 3, 'DAY', '《招标投标法实施条例》第二十二条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'DEPOSIT_MAX', 2, 'PERCENT', '《招标投标法实施条例》第二十六条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'CANDIDATE_PUBLICITY', 3, 'DAY', '《招标投标法实施条例》第五十四条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'CONTRACT_PERIOD', 30, 'DAY', '《招标投标法》第四十六条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'DEPOSIT_REFUND', 5, 'DAY', '《招标投标法实施条例》第五十七条', '2000-01-01'),
    ('GCJS_OPEN_TENDER', 'PANEL_MIN', 5, 'COUNT', '《招标投标法》第三十七条', '2000-01-01');

-- Government procurement by open tender: 政府采购法 (2003-01-01), 实施条例 (2015-03-01), 财政部令第87号 (2017-10-01),
-- and the dated policy rules (domain-2 §4.0, 4.1, 4.8, 4.9).
INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    ('ZFCG_OPEN_TENDER', 'PROCUREMENT_INTENTION', 30, 'DAY', '财库〔2020〕10号', '2020-03-02', NULL),
    ('ZFCG_OPEN_TENDER', 'NOTICE_PERIOD', 5, 'WORKING_DAY', '财政部令第87号第十六条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'DOCUMENT_PERIOD', 5, 'WORKING_DAY', '财政部令第87号第十八条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'BIDDING_PERIOD', 20, 'DAY', '《政府采购法》第三十五条', '2003-01-01', NULL),
    ('ZFCG_OPEN_TENDER', 'CLARIFICATION_NOTICE', 15, 'DAY', '财政部令第87号第二十七条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'OBJECTION_ANSWER', 7, 'WORKING_DAY', '《政府采购法》第五十三条', '2003-01-01', NULL),
    ('ZFCG_OPEN_TENDER', 'DEPOSIT_MAX', 2, 'PERCENT', '《政府采购法实施条例》第三十三条', '2015-03-01', NULL),
    ('ZFCG_OPEN_TENDER', 'AWARD_DECISION', 5, 'WORKING_DAY', '《政府采购法实施条例》第四十三条', '2015-03-01', NULL),
    ('ZFCG_OPEN_TENDER', 'RESULT_NOTICE', 2, 'WORKING_DAY', '财政部令第87号第六十九条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'RESULT_NOTICE_PERIOD', 1, 'WORKING_DAY', '财政部令第87号第六十九条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'CONTRACT_PERIOD', 30, 'DAY', '《政府采购法》第四十六条', '2003-01-01', NULL),
    ('ZFCG_OPEN_TENDER', 'CONTRACT_PUBLICATION', 2, 'WORKING_DAY', '《政府采购法实施条例》第五十条', '2015-03-01', NULL),
    ('ZFCG_OPEN_TENDER', 'DEPOSIT_REFUND', 5, 'WORKING_DAY', '财政部令第87号第三十八条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'PANEL_MIN', 5, 'COUNT', '财政部令第87号第四十七条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'PANEL_MIN_LARGE', 7, 'COUNT', '财政部令第87号第四十七条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'PANEL_LARGE_BUDGET', 10000000, 'YUAN', '财政部令第87号第四十七条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'PRICE_WEIGHT_GOODS_MIN', 30, 'PERCENT', '财政部令第87号第五十五条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'PRICE_WEIGHT_SERVICES_MIN', 10, 'PERCENT', '财政部令第87号第五十五条', '2017-10-01', NULL),
    ('ZFCG_OPEN_TENDER', 'SME_DEDUCTION_MIN', 6, 'PERCENT', '财库〔2020〕46号第九条', '2021-01-01', '2022-06-30'),
    ('ZFCG_OPEN_TENDER', 'SME_DEDUCTION_MIN', 10, 'PERCENT', '财库〔2022〕19号', '2022-07-01', NULL),
    ('ZFCG_OPEN_TENDER', 'SME_DEDUCTION_MAX', 10, 'PERCENT', '财库〔2020〕46号第九条', '2021-01-01', '2022-06-30'),
    ('ZFCG_OPEN_TENDER', 'SME_DEDUCTION_MAX', 20, 'PERCENT', '财库〔2022〕19号', '2022-07-01', NULL),
    ('ZFCG_OPEN_TENDER', 'DOMESTIC_PREFERENCE', 20, 'PERCENT', '国办发〔2025〕34号', '2026-01-01', NULL),
    ('ZFCG_OPEN_TENDER', 'LOW_PRICE_MEAN', 50, 'PERCENT', '财库〔2026〕2号', '2026-02-01', NULL),
    ('ZFCG_OPEN_TENDER', 'LOW_PRICE_NEXT', 50, 'PERCENT', '财库〔2026〕2号', '2026-02-01', NULL),
    ('ZFCG_OPEN_TENDER', 'LOW_PRICE_CAP', 45, 'PERCENT', '财库〔2026〕2号', '2026-02-01', NULL),
    ('ZFCG_OPEN_TENDER', 'LOW_PRICE_RAISE_MAX', 65, 'PERCENT', '财库〔2026〕2号', '2026-02-01', NULL),
    ('ZFCG_OPEN_TENDER', 'LOW_PRICE_EXPLANATION', 30, 'MINUTE', '财库〔2026〕2号', '2026-02-01', NULL);
