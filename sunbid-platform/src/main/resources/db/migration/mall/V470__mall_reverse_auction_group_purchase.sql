-- The e-mall's two competitive order modes (issue 22, domain-2 §5: 反拍 and 团购): a buyer's reverse auction (反向竞价)
-- where suppliers bid down, sealed, until the window closes, and a group purchase (团购) where buyers join with
-- quantities and suppliers quote one unit price for the combined quantity, sealed until the close. The winner of each
-- becomes ordinary mall orders (mall_order, with the two new modes). Bids and quotes are append-only and never shown
-- before the close, not even their number.

-- Dated rule data per region, as mall_rule: the least number of suppliers with a valid bid or quote, the least decrement
-- (a share of the ceiling), the shortest bidding window in working days, the least number of buyers in a group purchase.
CREATE TABLE mall_bidding_rule (
    id                  UUID        PRIMARY KEY,
    region_code         TEXT        NOT NULL,
    effective_from      DATE        NOT NULL,
    min_bidders         INTEGER     NOT NULL CHECK (min_bidders >= 1),
    min_decrement_rate  NUMERIC(7, 6) NOT NULL CHECK (min_decrement_rate > 0 AND min_decrement_rate < 1),
    min_window_working_days INTEGER NOT NULL CHECK (min_window_working_days >= 0),
    min_group_buyers    INTEGER     NOT NULL CHECK (min_group_buyers >= 1),
    basis               TEXT        NOT NULL,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (region_code, effective_from)
);

CREATE TABLE mall_reverse_auction (
    id              UUID        PRIMARY KEY,
    auction_no      TEXT        NOT NULL UNIQUE,
    buyer_id        UUID        NOT NULL,
    buyer_name      TEXT        NOT NULL,
    region_code     TEXT        NOT NULL,
    category_id     UUID        NOT NULL REFERENCES mall_category (id),
    specs           JSONB       NOT NULL,            -- the specification values asked for (a subset of the attributes)
    quantity        INTEGER     NOT NULL CHECK (quantity > 0),
    ceiling         NUMERIC(18, 2) NOT NULL CHECK (ceiling > 0),   -- 最高限价 per unit
    decrement       NUMERIC(18, 2) NOT NULL CHECK (decrement > 0), -- the least step below one's own previous bid
    opens_at        TIMESTAMPTZ NOT NULL,
    closes_at       TIMESTAMPTZ NOT NULL,
    min_bidders     INTEGER     NOT NULL,
    payment_days    INTEGER     NOT NULL CHECK (payment_days BETWEEN 1 AND 60),
    rule_basis      TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'AWARDED', 'FAILED')),
    closed_at       TIMESTAMPTZ,
    order_id        UUID        REFERENCES mall_order (id),
    failure_reason  TEXT,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK (closes_at > opens_at),
    CHECK (status <> 'AWARDED' OR order_id IS NOT NULL)
);

CREATE INDEX mall_reverse_auction_due ON mall_reverse_auction (closes_at) WHERE status = 'OPEN';

CREATE TABLE mall_reverse_bid (
    id            UUID        PRIMARY KEY,
    auction_id    UUID        NOT NULL REFERENCES mall_reverse_auction (id),
    supplier_id   UUID        NOT NULL,
    supplier_name TEXT        NOT NULL,
    listing_id    UUID        NOT NULL REFERENCES mall_listing (id),
    unit_price    NUMERIC(18, 2) NOT NULL CHECK (unit_price > 0),
    received_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX mall_reverse_bid_auction ON mall_reverse_bid (auction_id, received_at);

CREATE TABLE mall_group_purchase (
    id              UUID        PRIMARY KEY,
    group_no        TEXT        NOT NULL UNIQUE,
    organiser_id    UUID,
    organiser_name  TEXT        NOT NULL,
    region_code     TEXT        NOT NULL,
    category_id     UUID        NOT NULL REFERENCES mall_category (id),
    specs           JSONB       NOT NULL,
    ceiling         NUMERIC(18, 2) NOT NULL CHECK (ceiling > 0),
    join_until      TIMESTAMPTZ NOT NULL,            -- buyers join until then; suppliers quote from then
    closes_at       TIMESTAMPTZ NOT NULL,
    min_quotes      INTEGER     NOT NULL,
    min_buyers      INTEGER     NOT NULL,
    rule_basis      TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'AWARDED', 'FAILED')),
    closed_at       TIMESTAMPTZ,
    unit_price      NUMERIC(18, 2),
    winner_name     TEXT,
    failure_reason  TEXT,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK (closes_at > join_until)
);

CREATE INDEX mall_group_purchase_due ON mall_group_purchase (closes_at) WHERE status = 'OPEN';

CREATE TABLE mall_group_member (
    group_id      UUID        NOT NULL REFERENCES mall_group_purchase (id),
    buyer_id      UUID        NOT NULL,
    buyer_name    TEXT        NOT NULL,
    region_code   TEXT        NOT NULL,
    quantity      INTEGER     NOT NULL CHECK (quantity > 0),
    payment_days  INTEGER     NOT NULL CHECK (payment_days BETWEEN 1 AND 60),
    joined_at     TIMESTAMPTZ NOT NULL,
    joined_by     TEXT        NOT NULL,
    order_id      UUID        REFERENCES mall_order (id),
    PRIMARY KEY (group_id, buyer_id)
);

CREATE TABLE mall_group_quote (
    id            UUID        PRIMARY KEY,
    group_id      UUID        NOT NULL REFERENCES mall_group_purchase (id),
    supplier_id   UUID        NOT NULL,
    supplier_name TEXT        NOT NULL,
    listing_id    UUID        NOT NULL REFERENCES mall_listing (id),
    unit_price    NUMERIC(18, 2) NOT NULL CHECK (unit_price > 0),
    received_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX mall_group_quote_group ON mall_group_quote (group_id, received_at);

ALTER TABLE mall_order DROP CONSTRAINT mall_order_mode_check;
ALTER TABLE mall_order ADD CONSTRAINT mall_order_mode_check
    CHECK (mode IN ('DIRECT', 'COMPARISON', 'REVERSE_AUCTION', 'GROUP_PURCHASE'));

-- ⚠ The demo's figures, not a province's: at least 3 suppliers (as 询价, 政府采购法 Art. 40, and the mall's 比价),
-- each bid at least 0.1 % of the ceiling below the bidder's previous one, a window of at least 1 working day, at least 2
-- buyers in a group purchase. Replace them with the published 电子卖场 rules of the region.
INSERT INTO mall_bidding_rule (id, region_code, effective_from, min_bidders, min_decrement_rate, min_window_working_days,
                               min_group_buyers, basis, created_by, created_at)
VALUES ('4700a000-0000-4000-8000-000000000001', '', DATE '2025-01-01', 3, 0.001, 1, 2,
        '电子卖场反向竞价与团购规则（演示数据：至少 3 家供应商有效报价，降价幅度不低于最高限价的 0.1%，竞价期不少于 1 个工作日，团购至少 2 个采购人）',
        'flyway', now());

-- Bids and quotes are append-only for the application.
DO
$revoke$
BEGIN
    IF '${runtime_user}' <> current_user THEN
        EXECUTE format('REVOKE UPDATE, DELETE ON mall_reverse_bid, mall_group_quote, mall_bidding_rule FROM %I', '${runtime_user}');
    END IF;
END
$revoke$;
