-- Issue 16 (A): the conditions of use of each procurement method other than the open tender, as maintained, dated
-- data (a new version is a new row with its own effective dates; a withdrawn condition gets its effective_to), and the
-- FLAG rule that such a method needs the finance department's prior approval above the open-tender threshold.
CREATE TABLE deal_method_condition
(
    procedure_code     VARCHAR(40)  NOT NULL REFERENCES deal_procedure (code),
    condition_code     VARCHAR(40)  NOT NULL,
    position           INT          NOT NULL,
    text_zh            TEXT         NOT NULL,
    text_en            TEXT         NOT NULL,
    article            VARCHAR(300) NOT NULL,
    -- choosing it above the open-tender threshold requires a publicity before approval (实施条例 Art. 38)
    requires_publicity BOOLEAN      NOT NULL DEFAULT FALSE,
    effective_from     DATE         NOT NULL,
    effective_to       DATE         CHECK (effective_to IS NULL OR effective_to >= effective_from),
    PRIMARY KEY (procedure_code, condition_code, effective_from)
);

INSERT INTO deal_method_condition (procedure_code, condition_code, position, text_zh, text_en, article, requires_publicity, effective_from) VALUES
    -- 邀请招标 (政府采购法 Art. 29)
    ('ZFCG_INVITED_TENDER', 'GPL_29_1_LIMITED_SUPPLIERS', 1, '具有特殊性，只能从有限范围的供应商处采购的',
     'Of a special nature: it can only be bought from a limited range of suppliers', '《政府采购法》第二十九条第（一）项', FALSE, '2003-01-01'),
    ('ZFCG_INVITED_TENDER', 'GPL_29_2_TENDER_COST', 2, '采用公开招标方式的费用占政府采购项目总价值的比例过大的',
     'The cost of an open tender is too large a share of the total value of the purchase', '《政府采购法》第二十九条第（二）项', FALSE, '2003-01-01'),
    -- 竞争性谈判 (财政部令第74号 Art. 27)
    ('ZFCG_NEGOTIATION', 'GPL74_27_1_TENDER_FAILED', 1, '招标后没有供应商投标或者没有合格标的，或者重新招标未能成立的',
     'No supplier bid or no bid was compliant after a tender, or a repeated tender failed', '财政部令第74号第二十七条第一款第（一）项', FALSE, '2014-02-01'),
    ('ZFCG_NEGOTIATION', 'GPL74_27_2_COMPLEX', 2, '技术复杂或者性质特殊，不能确定详细规格或者具体要求的',
     'Technically complex or of a special nature: detailed specifications or requirements cannot be set', '财政部令第74号第二十七条第一款第（二）项', FALSE, '2014-02-01'),
    ('ZFCG_NEGOTIATION', 'GPL74_27_3_URGENT', 3, '非采购人所能预见的原因或者非采购人拖延造成采用招标所需时间不能满足用户紧急需要的',
     'For reasons the purchaser could not foresee or did not cause by delay, a tender would take too long for the user''s urgent need', '财政部令第74号第二十七条第一款第（三）项', FALSE, '2014-02-01'),
    ('ZFCG_NEGOTIATION', 'GPL74_27_4_PRICE_UNKNOWN', 4, '因艺术品采购、专利、专有技术或者服务的时间、数量事先不能确定等原因不能事先计算出价格总额的',
     'The total price cannot be computed in advance (works of art, patents, know-how, or services whose time or quantity cannot be set in advance)', '财政部令第74号第二十七条第一款第（四）项', FALSE, '2014-02-01'),
    ('ZFCG_NEGOTIATION', 'GPL74_27_2_TWO_RESPONSIVE', 5, '公开招标的货物、服务采购项目，招标过程中提交投标文件或者经评审实质性响应招标文件要求的供应商只有两家时，经本级财政部门批准后与该两家供应商进行竞争性谈判',
     'In an open tender for goods or services only two suppliers bid or responded substantively: negotiate with both after the finance department''s approval', '财政部令第74号第二十七条第二款', FALSE, '2014-02-01'),
    -- 竞争性磋商 (财库〔2014〕214号 Art. 3)
    ('ZFCG_CONSULTATION', 'CK214_3_1_SERVICES', 1, '政府购买服务项目',
     'Services bought by the government', '财库〔2014〕214号第三条第（一）项', FALSE, '2014-12-31'),
    ('ZFCG_CONSULTATION', 'CK214_3_2_COMPLEX', 2, '技术复杂或者性质特殊，不能确定详细规格或者具体要求的',
     'Technically complex or of a special nature: detailed specifications or requirements cannot be set', '财库〔2014〕214号第三条第（二）项', FALSE, '2014-12-31'),
    ('ZFCG_CONSULTATION', 'CK214_3_3_PRICE_UNKNOWN', 3, '因艺术品采购、专利、专有技术或者服务的时间、数量事先不能确定等原因不能事先计算出价格总额的',
     'The total price cannot be computed in advance (works of art, patents, know-how, or services whose time or quantity cannot be set in advance)', '财库〔2014〕214号第三条第（三）项', FALSE, '2014-12-31'),
    ('ZFCG_CONSULTATION', 'CK214_3_4_RESEARCH', 4, '市场竞争不充分的科研项目，以及需要扶持的科技成果转化项目',
     'Research projects without sufficient market competition, and the commercialisation of research results that needs support', '财库〔2014〕214号第三条第（四）项', FALSE, '2014-12-31'),
    ('ZFCG_CONSULTATION', 'CK214_3_5_OTHER_WORKS', 5, '按照招标投标法及其实施条例必须进行招标的工程建设项目以外的工程建设项目',
     'Construction works other than those that must be tendered under the Tendering Law and its regulation', '财库〔2014〕214号第三条第（五）项', FALSE, '2014-12-31'),
    -- 询价 (政府采购法 Art. 32)
    ('ZFCG_INQUIRY', 'GPL_32_UNIFORM_GOODS', 1, '采购的货物规格、标准统一、现货货源充足且价格变化幅度小',
     'Goods of uniform specifications and standards, in ample stock, with stable prices', '《政府采购法》第三十二条', FALSE, '2003-01-01'),
    -- 单一来源 (政府采购法 Art. 31; the unique supplier needs a publicity above the threshold, 实施条例 Art. 38)
    ('ZFCG_SINGLE_SOURCE', 'GPL_31_1_UNIQUE_SUPPLIER', 1, '只能从唯一供应商处采购的',
     'It can only be bought from a unique supplier', '《政府采购法》第三十一条第（一）项；《政府采购法实施条例》第三十八条', TRUE, '2003-01-01'),
    ('ZFCG_SINGLE_SOURCE', 'GPL_31_2_EMERGENCY', 2, '发生了不可预见的紧急情况不能从其他供应商处采购的',
     'An unforeseeable emergency makes buying from other suppliers impossible', '《政府采购法》第三十一条第（二）项', FALSE, '2003-01-01'),
    ('ZFCG_SINGLE_SOURCE', 'GPL_31_3_ADD_ON', 3, '必须保证原有采购项目一致性或者服务配套的要求，需要继续从原供应商处添购，且添购资金总额不超过原合同采购金额百分之十的',
     'Consistency with an earlier purchase or its services requires buying more from the original supplier, the additions not exceeding 10% of the original contract', '《政府采购法》第三十一条第（三）项', FALSE, '2003-01-01');

-- Any method but the open tender needs prior approval above the open-tender threshold (政府采购法 Art. 27; 实施条例
-- Art. 23; 74号令 Art. 4): set once for every government procurement method, off for the open tender itself, on again
-- for the invited tender (which inherits the open tender's rules).
INSERT INTO procedure_rule (procedure_code, rule_key, amount, unit, article, effective_from, effective_to) VALUES
    ('ZFCG_COMMON', 'METHOD_APPROVAL', 1, 'FLAG', '《政府采购法》第二十七条；《政府采购法实施条例》第二十三条；财政部令第74号第四条', '2003-01-01', NULL),
    ('ZFCG_OPEN_TENDER', 'METHOD_APPROVAL', 0, 'FLAG', '《政府采购法》第二十七条（公开招标无需批准）', '2003-01-01', NULL),
    ('ZFCG_INVITED_TENDER', 'METHOD_APPROVAL', 1, 'FLAG', '《政府采购法》第二十七条；《政府采购法实施条例》第二十三条', '2003-01-01', NULL);
