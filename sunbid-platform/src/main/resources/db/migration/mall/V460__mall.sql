-- The government e-mall (电子卖场, issue 22): product categories and their specification attributes (maintained by the
-- centre's staff, tied to the 品目 of the 政府采购品目分类目录), the mall's dated ordering rules per region (直购 limit,
-- single-order cap = 分散采购限额), suppliers' listings with the price evidence kept beside them and every price change,
-- orders (direct or by comparison, with their quotes), their acceptance (验收) and payment.
CREATE TABLE mall_category (
    id          UUID        PRIMARY KEY,
    code        TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    item_code   TEXT        NOT NULL,            -- 品目 code, e.g. A02010104
    unit        TEXT        NOT NULL,            -- 台, 件, 箱 …
    attributes  TEXT[]      NOT NULL,            -- the specification attributes a listing must fill
    policy      TEXT        NOT NULL CHECK (policy IN ('NONE', 'GREEN_PREFERRED', 'MANDATORY')),
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);

-- Dated rule data: from effective_from on, in region_code's subtree, orders up to direct_limit may be placed directly,
-- above it by comparison, never above order_cap (the 分散采购限额 the mall serves).
CREATE TABLE mall_rule (
    id             UUID        PRIMARY KEY,
    region_code    TEXT        NOT NULL,
    effective_from DATE        NOT NULL,
    direct_limit   NUMERIC(18, 2) NOT NULL CHECK (direct_limit > 0),
    order_cap      NUMERIC(18, 2) NOT NULL,
    basis          TEXT        NOT NULL,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (region_code, effective_from),
    CHECK (order_cap >= direct_limit)
);

CREATE TABLE mall_listing (
    id             UUID        PRIMARY KEY,
    supplier_id    UUID        NOT NULL,
    supplier_name  TEXT        NOT NULL,
    region_code    TEXT        NOT NULL,
    category_id    UUID        NOT NULL REFERENCES mall_category (id),
    product_name   TEXT        NOT NULL,
    brand          TEXT        NOT NULL,
    model          TEXT        NOT NULL,
    specs          JSONB       NOT NULL,
    product_key    TEXT        NOT NULL,          -- brand, model and specs normalised: one listing per supplier and product
    price          NUMERIC(18, 2) NOT NULL CHECK (price > 0),
    low_price_reason TEXT,                        -- why a price far below the evidence is no bait price
    certificate    TEXT,                          -- 节能产品/环境标志产品 certificate number (财库〔2019〕9号)
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'RETURNED', 'SUSPENDED', 'WITHDRAWN')),
    status_reason  TEXT,
    reviewed_by    TEXT,
    reviewed_at    TIMESTAMPTZ,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    changed_by     TEXT        NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL,
    CHECK (status NOT IN ('RETURNED', 'SUSPENDED') OR status_reason IS NOT NULL)
);
CREATE UNIQUE INDEX mall_listing_one_per_product ON mall_listing (supplier_id, category_id, product_key)
    WHERE status <> 'WITHDRAWN';
CREATE INDEX mall_listing_category ON mall_listing (category_id, status);

-- Price evidence kept with the listing: the manufacturer's official price and the large e-commerce self-run shops'
-- prices, each with its source, date and the SM3 of its screenshot or file. Append-only.
CREATE TABLE mall_price_evidence (
    id          UUID        PRIMARY KEY,
    listing_id  UUID        NOT NULL REFERENCES mall_listing (id),
    kind        TEXT        NOT NULL CHECK (kind IN ('MANUFACTURER', 'ECOMMERCE')),
    price       NUMERIC(18, 2) NOT NULL CHECK (price > 0),
    source      TEXT        NOT NULL,
    observed_on DATE        NOT NULL,
    file_sm3    TEXT        NOT NULL CHECK (file_sm3 ~ '^[0-9a-f]{64}$'),
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX mall_price_evidence_listing ON mall_price_evidence (listing_id);

-- Every price a listing has had, the first one included. Append-only.
CREATE TABLE mall_price_change (
    id          UUID        PRIMARY KEY,
    listing_id  UUID        NOT NULL REFERENCES mall_listing (id),
    old_price   NUMERIC(18, 2),
    new_price   NUMERIC(18, 2) NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX mall_price_change_listing ON mall_price_change (listing_id);

CREATE TABLE mall_order (
    id                 UUID        PRIMARY KEY,
    order_no           TEXT        NOT NULL UNIQUE,
    buyer_id           UUID        NOT NULL,
    buyer_name         TEXT        NOT NULL,
    region_code        TEXT        NOT NULL,
    listing_id         UUID        NOT NULL REFERENCES mall_listing (id),
    supplier_id        UUID        NOT NULL,
    supplier_name      TEXT        NOT NULL,
    category_id        UUID        NOT NULL REFERENCES mall_category (id),
    item_code          TEXT        NOT NULL,
    quantity           INTEGER     NOT NULL CHECK (quantity > 0),
    unit_price         NUMERIC(18, 2) NOT NULL,
    total              NUMERIC(18, 2) NOT NULL,
    mode               TEXT        NOT NULL CHECK (mode IN ('DIRECT', 'COMPARISON')),
    rule_basis         TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('PLACED', 'ACCEPTED', 'REJECTED', 'PAID')),
    ordered_at         TIMESTAMPTZ NOT NULL,
    contract_published_at TIMESTAMPTZ NOT NULL,
    contract_publication_due DATE NOT NULL,
    payment_days       INTEGER     NOT NULL CHECK (payment_days BETWEEN 1 AND 60),
    accepted_at        TIMESTAMPTZ,
    acceptance_note    TEXT,
    accepted_by        TEXT,
    payment_due        DATE,
    paid_at            TIMESTAMPTZ,
    paid_by            TEXT,
    overdue_flagged_at TIMESTAMPTZ,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    changed_by         TEXT        NOT NULL,
    changed_at         TIMESTAMPTZ NOT NULL,
    CHECK (status = 'PLACED' OR accepted_at IS NOT NULL),
    CHECK (status <> 'PAID' OR paid_at IS NOT NULL)
);
CREATE INDEX mall_order_buyer ON mall_order (buyer_id);
CREATE INDEX mall_order_supplier ON mall_order (supplier_id);

-- The quotes of a comparison (比价): each supplier's listing and price; the lowest won.
CREATE TABLE mall_quote (
    order_id    UUID        NOT NULL REFERENCES mall_order (id),
    listing_id  UUID        NOT NULL REFERENCES mall_listing (id),
    supplier_id UUID        NOT NULL,
    supplier_name TEXT      NOT NULL,
    unit_price  NUMERIC(18, 2) NOT NULL,
    won         BOOLEAN     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, listing_id)
);

-- The rule every region falls back to. The figures are the demo's, not a province's: each region's finance department
-- publishes its own 分散采购限额标准 (e.g. 浙财采监〔2025〕3号); replace them with the published ones.
INSERT INTO mall_rule (id, region_code, effective_from, direct_limit, order_cap, basis, created_by, created_at)
VALUES ('4600a000-0000-4000-8000-000000000001', '', DATE '2025-01-01', 200000.00, 1000000.00,
        '分散采购限额标准（演示数据：直购 20 万元以下，单笔不超过 100 万元）', 'flyway', now());

-- Evidence, price history and quotes are append-only for the application.
DO
$revoke$
BEGIN
    IF '${runtime_user}' <> current_user THEN
        EXECUTE format('REVOKE UPDATE, DELETE ON mall_price_evidence, mall_price_change, mall_quote FROM %I', '${runtime_user}');
    END IF;
END
$revoke$;
