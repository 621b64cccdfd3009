-- The must-trade catalogue (应进必进目录, 公共资源交易平台管理暂行办法 Art. 8): per region (null = the national entries
-- every region starts from), dated, one row per kind and category with its threshold (null = every deal of the kind)
-- and legal basis. A region inherits its nearest ancestor's entries for a kind and category unless it sets its own
-- (supervision.domain.MustTrade). Rows are ended (effective_to), never deleted, so old decisions can be re-checked.
CREATE TABLE must_trade_entry (
    id             UUID PRIMARY KEY,
    region_code    VARCHAR(12),
    kind           VARCHAR(8)    NOT NULL CHECK (kind IN ('GCJS', 'ZFCG', 'TDSYQ', 'KYQ', 'GYCQ')),
    category       VARCHAR(10)   NOT NULL CHECK (category IN ('WORKS', 'GOODS', 'SERVICES', 'ANY')),
    threshold      NUMERIC(18, 2) CHECK (threshold IS NULL OR threshold >= 0),
    basis          TEXT          NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
    effective_from DATE          NOT NULL,
    effective_to   DATE CHECK (effective_to IS NULL OR effective_to >= effective_from),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64)   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(64)   NOT NULL
);
CREATE INDEX must_trade_entry_region_idx ON must_trade_entry (region_code, kind, category);

-- The national entries.
INSERT INTO must_trade_entry (id, region_code, kind, category, threshold, basis, effective_from, effective_to,
                              created_at, created_by, updated_at, updated_by)
SELECT gen_random_uuid(), NULL, kind, category, threshold, basis, effective_from, effective_to, now(), 'system', now(), 'system'
FROM (VALUES
    ('GCJS', 'WORKS', 2000000.00, '工程建设项目招标范围和规模标准规定（国家计委令第3号）第七条：施工单项合同估算价在200万元人民币以上', DATE '2000-05-01', DATE '2018-05-31'),
    ('GCJS', 'GOODS', 1000000.00, '工程建设项目招标范围和规模标准规定（国家计委令第3号）第七条：重要设备、材料等货物的采购，单项合同估算价在100万元人民币以上', DATE '2000-05-01', DATE '2018-05-31'),
    ('GCJS', 'SERVICES', 500000.00, '工程建设项目招标范围和规模标准规定（国家计委令第3号）第七条：勘察、设计、监理等服务的采购，单项合同估算价在50万元人民币以上', DATE '2000-05-01', DATE '2018-05-31'),
    ('GCJS', 'WORKS', 4000000.00, '必须招标的工程项目规定（国家发展改革委令第16号）第五条：施工单项合同估算价在400万元人民币以上', DATE '2018-06-01', NULL),
    ('GCJS', 'GOODS', 2000000.00, '必须招标的工程项目规定（国家发展改革委令第16号）第五条：重要设备、材料等货物的采购，单项合同估算价在200万元人民币以上', DATE '2018-06-01', NULL),
    ('GCJS', 'SERVICES', 1000000.00, '必须招标的工程项目规定（国家发展改革委令第16号）第五条：勘察、设计、监理等服务的采购，单项合同估算价在100万元人民币以上', DATE '2018-06-01', NULL),
    ('ZFCG', 'GOODS', 2000000.00, '政府采购法第二十七条；国务院办公厅关于印发中央预算单位政府集中采购目录及标准（2020年版）的通知：货物公开招标数额标准200万元', DATE '2021-01-01', NULL),
    ('ZFCG', 'SERVICES', 2000000.00, '政府采购法第二十七条；国务院办公厅关于印发中央预算单位政府集中采购目录及标准（2020年版）的通知：服务公开招标数额标准200万元', DATE '2021-01-01', NULL),
    ('ZFCG', 'WORKS', 4000000.00, '政府采购法实施条例第七条；必须招标的工程项目规定第五条：政府采购工程以招标方式采购的，适用招标投标法', DATE '2018-06-01', NULL),
    ('TDSYQ', 'ANY', NULL, '公共资源交易平台管理暂行办法第八条；招标拍卖挂牌出让国有建设用地使用权规定：土地使用权出让一律进场交易', DATE '2016-08-01', NULL),
    ('KYQ', 'ANY', NULL, '公共资源交易平台管理暂行办法第八条；矿业权出让交易规则：矿业权出让一律进场交易', DATE '2016-08-01', NULL),
    ('GYCQ', 'ANY', NULL, '公共资源交易平台管理暂行办法第八条；企业国有资产交易监督管理办法（国资委 财政部令第32号）：国有产权转让进场交易', DATE '2016-08-01', NULL)
) AS national(kind, category, threshold, basis, effective_from, effective_to);

-- Exemptions (不进场交易): an owner asks for a project the catalogue requires to trade elsewhere, with its reason and
-- legal basis; the region's supervisor approves or returns each one with a reason; approved ones are public.
CREATE TABLE must_trade_exemption (
    id              UUID PRIMARY KEY,
    region_code     VARCHAR(12)  NOT NULL,
    owner_id        UUID         NOT NULL,
    owner_name      VARCHAR(200) NOT NULL,
    kind            VARCHAR(8)   NOT NULL,
    category        VARCHAR(10)  NOT NULL,
    item_code       VARCHAR(20),
    project_code    VARCHAR(64)  NOT NULL,
    project_name    VARCHAR(200) NOT NULL,
    value           NUMERIC(18, 2) NOT NULL CHECK (value >= 0),
    reason          TEXT         NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    basis           TEXT         NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
    catalogue_basis TEXT         NOT NULL,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('APPLIED', 'APPROVED', 'RETURNED')),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decided_by      VARCHAR(64),
    decision_reason TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL
);
CREATE INDEX must_trade_exemption_region_idx ON must_trade_exemption (region_code, status);
CREATE INDEX must_trade_exemption_owner_idx ON must_trade_exemption (owner_id);

-- Deals made off the platform (场外交易): declared by the owner when they start, reported (with the result) within 20
-- days of the result, and published with the report; a published report is never changed.
CREATE TABLE off_platform_deal (
    id                 UUID PRIMARY KEY,
    region_code        VARCHAR(12)  NOT NULL,
    owner_id           UUID         NOT NULL,
    owner_name         VARCHAR(200) NOT NULL,
    kind               VARCHAR(8)   NOT NULL,
    category           VARCHAR(10)  NOT NULL,
    item_code          VARCHAR(20),
    project_code       VARCHAR(64)  NOT NULL,
    project_name       VARCHAR(200) NOT NULL,
    value              NUMERIC(18, 2) NOT NULL CHECK (value >= 0),
    result_expected_on DATE,
    exemption_id       UUID REFERENCES must_trade_exemption (id),
    must_trade         BOOLEAN      NOT NULL,
    must_trade_basis   TEXT,
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('DECLARED', 'REPORTED')),
    result_on          DATE,
    result_value       NUMERIC(18, 2) CHECK (result_value IS NULL OR result_value >= 0),
    counterparty       VARCHAR(200),
    result_summary     TEXT,
    reported_at        TIMESTAMP WITH TIME ZONE,
    reported_late      BOOLEAN,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(64)  NOT NULL,
    CHECK (status = 'DECLARED' OR (result_on IS NOT NULL AND result_value IS NOT NULL AND counterparty IS NOT NULL
                                   AND reported_at IS NOT NULL))
);
CREATE INDEX off_platform_deal_region_idx ON off_platform_deal (region_code, status);
CREATE INDEX off_platform_deal_owner_idx ON off_platform_deal (owner_id);

-- A published report is never changed (REPORT_ALREADY_PUBLISHED in the service; this holds for the database role too).
CREATE FUNCTION off_platform_report_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'REPORTED' THEN
        RAISE EXCEPTION 'off_platform_deal % is published and cannot change', OLD.id;
    END IF;
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER off_platform_report_final BEFORE UPDATE OR DELETE ON off_platform_deal
    FOR EACH ROW EXECUTE FUNCTION off_platform_report_final();
