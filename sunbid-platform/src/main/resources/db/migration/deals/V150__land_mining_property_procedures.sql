-- Issue 17: land-use rights (TDSYQ), mining rights (KYQ) and state property (GYCQ) become runnable procedures whose
-- bids are placed live in the auction room (context auction). What holds for every procedure of a kind is kept once in
-- its rule set (TDSYQ_COMMON, KYQ_COMMON, GYCQ_COMMON: method COMMON, never listed) and inherited; each procedure
-- states only what differs. Rules and articles: domain-2 §1–3. Rows marked [M] in domain-2 follow the text as read
-- there; the local practice rows (countdown, freeze, pause, reserve deadline) are the defaults a region may override.
ALTER TABLE procedure_rule DROP CONSTRAINT procedure_rule_unit_check;
ALTER TABLE procedure_rule ADD CONSTRAINT procedure_rule_unit_check
    CHECK (unit IN ('DAY', 'WORKING_DAY', 'PERCENT', 'COUNT', 'YUAN', 'HOUR', 'MINUTE', 'FLAG', 'MONTH'));

INSERT INTO deal_procedure (code, kind, method, name_zh, name_en, steps, runnable, position) VALUES
    ('TDSYQ_COMMON', 'TDSYQ', 'COMMON', '土地使用权出让通用规则', 'Land-use rights common rules', '{}', FALSE, 0),
    ('KYQ_COMMON', 'KYQ', 'COMMON', '矿业权出让通用规则', 'Mining rights common rules', '{}', FALSE, 0),
    ('GYCQ_COMMON', 'GYCQ', 'COMMON', '国有产权交易通用规则', 'State property common rules', '{}', FALSE, 0),
    ('GYCQ_CAPITAL_INCREASE', 'GYCQ', 'CAPITAL_INCREASE', '增资扩股', 'Capital increase',
        '{DISCLOSURE,REGISTRATION,DEPOSIT,ONLINE_BIDDING,CONFIRMATION,RESULT_NOTICE,CONTRACT,REFUND}', TRUE, 150),
    ('GYCQ_ASSET_TRANSFER', 'GYCQ', 'ASSET_TRANSFER', '资产转让', 'Asset transfer',
        '{DISCLOSURE,REGISTRATION,DEPOSIT,ONLINE_BIDDING,CONFIRMATION,RESULT_NOTICE,CONTRACT,REFUND}', TRUE, 160);

UPDATE deal_procedure SET runnable = TRUE
 WHERE code IN ('TDSYQ_AUCTION', 'TDSYQ_LISTING', 'KYQ_AUCTION', 'KYQ_LISTING', 'GYCQ_ONLINE_BIDDING');
UPDATE deal_procedure SET inherits = 'TDSYQ_COMMON' WHERE code IN ('TDSYQ_AUCTION', 'TDSYQ_LISTING');
UPDATE deal_procedure SET inherits = 'KYQ_COMMON' WHERE code IN ('KYQ_AUCTION', 'KYQ_LISTING');
UPDATE deal_procedure SET inherits = 'GYCQ_COMMON' WHERE code = 'GYCQ_ONLINE_BIDDING';
UPDATE deal_procedure SET inherits = 'GYCQ_ONLINE_BIDDING' WHERE code IN ('GYCQ_CAPITAL_INCREASE', 'GYCQ_ASSET_TRANSFER');

INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    -- Land: 招标拍卖挂牌出让国有建设用地使用权规定 (国土资源部令第39号, 2007-11-01); 国土资发〔2010〕34号 (2010-03-08).
    ('TDSYQ_COMMON', 'LIVE_BIDDING', 1, 'FLAG', '国土资源部令第39号第十五条至第十九条（网上拍卖、挂牌竞价）', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'ANNOUNCEMENT_PERIOD', 20, 'DAY', '国土资源部令第39号第八条（公告不少于20日）', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'APPLICATION_CLOSE', 2, 'DAY', '国土资源部令第39号第十一条（挂牌截止前2日截止申请）', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'RESERVE_DEADLINE', 30, 'MINUTE', '国土资源部令第39号第十条（底价保密）；苏州工业园区网上挂牌规则第十九条（截止前30分钟前录入）', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'INCREMENT_CHANGE', 1, 'FLAG', '国土资源部令第39号第十六条、第十八条（可调整加价幅度）', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'COUNTDOWN', 4, 'MINUTE', '苏州工业园区网上挂牌出让规则（限时竞价每次报价后重新计时4分钟）', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'DEPOSIT_MIN', 20, 'PERCENT', '国土资发〔2010〕34号（竞买保证金不低于出让最低价的20%）', '2010-03-08', NULL),
    ('TDSYQ_COMMON', 'CONFIRMATION_PERIOD', 5, 'WORKING_DAY', '国土资源部令第39号第二十条（成交确认书）；福建省网上交易规则第四十六条', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'RESULT_NOTICE', 10, 'WORKING_DAY', '国土资源部令第39号第二十二条（10个工作日内公布结果）', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'DEPOSIT_REFUND', 5, 'WORKING_DAY', '国土资源部令第39号第二十一条（5个工作日内退还，不计利息）', '2007-11-01', NULL),
    ('TDSYQ_COMMON', 'CONTRACT_PERIOD', 10, 'WORKING_DAY', '国土资发〔2010〕34号（成交后10个工作日内签订出让合同）', '2010-03-08', NULL),
    ('TDSYQ_COMMON', 'FIRST_PAYMENT_SHARE', 50, 'PERCENT', '国土资发〔2010〕34号（首付款不低于50%）', '2010-03-08', NULL),
    ('TDSYQ_COMMON', 'FIRST_PAYMENT_PERIOD', 1, 'MONTH', '国土资发〔2010〕34号（签订合同后1个月内缴纳首付款）', '2010-03-08', NULL),
    ('TDSYQ_COMMON', 'BALANCE_PERIOD', 12, 'MONTH', '国土资发〔2010〕34号（余款不超过1年）', '2010-03-08', NULL),
    ('TDSYQ_LISTING', 'LISTING_PERIOD', 10, 'WORKING_DAY', '国土资源部令第39号第十八条（不少于10日）；原国土资源部令第11号（10个工作日）：取10个工作日，两者皆满足', '2007-11-01', NULL),
    ('TDSYQ_LISTING', 'LISTING_FREEZE', 60, 'MINUTE', '苏州工业园区网上挂牌出让规则（截止前1小时停止挂牌报价）', '2007-11-01', NULL),
    ('TDSYQ_LISTING', 'TIMED_ROUND_PAUSE', 0, 'MINUTE', '苏州工业园区网上挂牌出让规则（挂牌截止即进入限时竞价）', '2007-11-01', NULL),
    ('TDSYQ_LISTING', 'TIMED_ROUND_MIN_BIDDERS', 2, 'COUNT', '国土资源部令第39号第十九条（两个以上竞买人要求竞价的，现场竞价）', '2007-11-01', NULL),
    -- Mining: 矿产资源法 (revised, 2025-07-01) Art. 17, 19, 20; 矿业权出让交易规则 (自然资规〔2023〕1号) [M].
    ('KYQ_COMMON', 'LIVE_BIDDING', 1, 'FLAG', '《矿产资源法》第十七条；自然资规〔2023〕1号（网上挂牌、拍卖）', '2023-05-01', NULL),
    ('KYQ_COMMON', 'ANNOUNCEMENT_PERIOD', 20, 'WORKING_DAY', '自然资规〔2023〕1号（出让公告不少于20个工作日）', '2023-05-01', NULL),
    ('KYQ_COMMON', 'APPLICATION_CLOSE', 2, 'DAY', '自然资规〔2023〕1号（截止申请时间在挂牌截止或拍卖开始之前）', '2023-05-01', NULL),
    ('KYQ_COMMON', 'RESERVE_DEADLINE', 30, 'MINUTE', '自然资规〔2023〕1号（底价保密）；实践：截止前30分钟前录入', '2023-05-01', NULL),
    ('KYQ_COMMON', 'INCREMENT_CHANGE', 1, 'FLAG', '自然资规〔2023〕1号（加价幅度可调整）', '2023-05-01', NULL),
    ('KYQ_COMMON', 'COUNTDOWN', 5, 'MINUTE', '四川省矿业权网上交易规则（限时竞价）', '2023-05-01', NULL),
    ('KYQ_COMMON', 'CONFIRMATION_PERIOD', 3, 'WORKING_DAY', '四川省矿业权网上交易规则（3个工作日内签订成交确认书）', '2023-05-01', NULL),
    ('KYQ_COMMON', 'RESULT_NOTICE', 5, 'WORKING_DAY', '四川省矿业权网上交易规则（5个工作日内公示）', '2023-05-01', NULL),
    ('KYQ_COMMON', 'RESULT_NOTICE_PERIOD', 10, 'WORKING_DAY', '自然资规〔2023〕1号（结果公示不少于10个工作日）', '2023-05-01', NULL),
    ('KYQ_COMMON', 'DEPOSIT_REFUND', 5, 'WORKING_DAY', '自然资规〔2023〕1号（未竞得人保证金5个工作日内退还）', '2023-05-01', NULL),
    ('KYQ_AUCTION', 'AUCTION_BIDDERS_MIN', 3, 'COUNT', '自然资规〔2023〕1号（拍卖不少于3个竞买人）', '2023-05-01', NULL),
    ('KYQ_LISTING', 'LISTING_PERIOD', 10, 'WORKING_DAY', '自然资规〔2023〕1号（挂牌不少于10个工作日）', '2023-05-01', NULL),
    ('KYQ_LISTING', 'LISTING_FREEZE', 0, 'MINUTE', '四川省矿业权网上交易规则（自由竞价至挂牌截止）', '2023-05-01', NULL),
    ('KYQ_LISTING', 'TIMED_ROUND_PAUSE', 0, 'MINUTE', '四川省矿业权网上交易规则（自由竞价后进入延时竞价）', '2023-05-01', NULL),
    ('KYQ_LISTING', 'TIMED_ROUND_MIN_BIDDERS', 2, 'COUNT', '自然资规〔2023〕1号（挂牌期间只有一个竞买人且报价不低于底价的，挂牌成交）', '2023-05-01', NULL),
    -- State property: 企业国有资产交易监督管理办法 (国资委 财政部令第32号, 2016-06-24).
    ('GYCQ_COMMON', 'LIVE_BIDDING', 1, 'FLAG', '国资委 财政部令第32号第二十二条（网络竞价）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'ANNOUNCEMENT_PERIOD', 20, 'WORKING_DAY', '国资委 财政部令第32号第十三条（正式披露不少于20个工作日）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'APPLICATION_CLOSE', 0, 'DAY', '国资委 财政部令第32号第十三条（意向受让方在信息披露期满前登记）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'START_AT_LEAST_APPRAISAL', 1, 'FLAG', '国资委 财政部令第32号第十七条（首次正式披露价格不得低于评估结果）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'APPRAISAL_APPROVAL_BELOW', 90, 'PERCENT', '国资委 财政部令第32号第十八条（低于评估结果90%须经书面同意）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'REDISCLOSURE_PERIOD', 20, 'WORKING_DAY', '国资委 财政部令第32号第十八条（降价重新披露不少于20个工作日）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'RELIST_AFTER', 12, 'MONTH', '国资委 财政部令第32号第十九条（超过12个月未征集到受让方须重新审计、评估、披露）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'COUNTDOWN', 5, 'MINUTE', '国资委 财政部令第32号第二十二条；交易机构网络竞价规则（限时报价）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'TIMED_ROUND_MIN_BIDDERS', 2, 'COUNT', '国资委 财政部令第32号第二十二条（产生两个以上意向受让方的，采取竞价）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'CONFIRMATION_PERIOD', 3, 'WORKING_DAY', '交易机构网络竞价规则（成交后签订成交确认书）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'FIRST_PAYMENT_PERIOD', 5, 'WORKING_DAY', '国资委 财政部令第32号第二十六条（5个工作日内付至交易机构）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'FIRST_PAYMENT_SHARE', 30, 'PERCENT', '国资委 财政部令第32号第二十七条（分期付款首付不低于30%）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'BALANCE_PERIOD', 12, 'MONTH', '国资委 财政部令第32号第二十七条（其余款项提供担保、按同期利率支付利息，不超过1年）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'RESULT_NOTICE_PERIOD', 5, 'WORKING_DAY', '国资委 财政部令第32号第二十八条（交易结果公示不少于5个工作日）', '2016-06-24', NULL),
    ('GYCQ_COMMON', 'DEPOSIT_REFUND', 5, 'WORKING_DAY', '交易机构规则（未成交方保证金5个工作日内退还）', '2016-06-24', NULL),
    ('GYCQ_CAPITAL_INCREASE', 'ANNOUNCEMENT_PERIOD', 40, 'WORKING_DAY', '国资委 财政部令第32号第三十九条（增资信息披露不少于40个工作日）', '2016-06-24', NULL),
    ('GYCQ_ASSET_TRANSFER', 'ANNOUNCEMENT_PERIOD', 10, 'WORKING_DAY', '国资委 财政部令第32号第四十八条；交易机构规则（转让底价100万至1000万元，公告不少于10个工作日）', '2016-06-24', NULL),
    ('GYCQ_ASSET_TRANSFER', 'ANNOUNCEMENT_PERIOD_LARGE', 20, 'WORKING_DAY', '国资委 财政部令第32号第四十八条；交易机构规则（转让底价1000万元以上，公告不少于20个工作日）', '2016-06-24', NULL),
    ('GYCQ_ASSET_TRANSFER', 'ASSET_NOTICE_BAND', 10000000, 'YUAN', '国资委 财政部令第32号第四十八条；交易机构规则（1000万元）', '2016-06-24', NULL);
