-- Issue 22: procurement's own tables for framework agreements (财政部令第110号); the procedure's rules are deals' V430.
-- The agreement (框架协议) of one lot: who collects it, closed or open, how it shortlists, its term.
CREATE TABLE framework_agreement
(
    id                UUID PRIMARY KEY,
    lot_id            UUID          NOT NULL UNIQUE,
    project_id        UUID          NOT NULL,
    deal_code         VARCHAR(60)   NOT NULL,
    region_code       VARCHAR(20)   NOT NULL,
    collector_id      UUID          NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    kind              VARCHAR(10)   NOT NULL CHECK (kind IN ('CLOSED', 'OPEN')),
    shortlisting      VARCHAR(20)   NOT NULL CHECK (shortlisting IN ('PRICE_FIRST', 'QUALITY_FIRST')),
    category          VARCHAR(10)   NOT NULL CHECK (category IN ('GOODS', 'SERVICES')),
    term_months       INT           NOT NULL CHECK (term_months > 0),
    response_deadline TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('COLLECTING', 'IN_FORCE')),
    term_start        TIMESTAMP WITH TIME ZONE,
    term_end          TIMESTAMP WITH TIME ZONE,
    rotation_next     INT           NOT NULL DEFAULT 0,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(64)   NOT NULL
);

-- Its items, each with the mandatory maximum unit price (最高限制单价).
CREATE TABLE framework_item
(
    agreement_id   UUID           NOT NULL REFERENCES framework_agreement (id),
    item_no        INT            NOT NULL CHECK (item_no > 0),
    name           VARCHAR(200)   NOT NULL,
    unit           VARCHAR(20)    NOT NULL,
    max_unit_price NUMERIC(18, 2) NOT NULL CHECK (max_unit_price > 0),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64)    NOT NULL,
    PRIMARY KEY (agreement_id, item_no)
);

-- A supplier's response (first stage) or join request (open agreements): one unit price per item. Seen by nobody but
-- the supplier before the response deadline (a join: before its review).
CREATE TABLE framework_response
(
    id            UUID PRIMARY KEY,
    agreement_id  UUID         NOT NULL REFERENCES framework_agreement (id),
    supplier_id   UUID         NOT NULL,
    via           VARCHAR(10)  NOT NULL CHECK (via IN ('RESPONSE', 'JOIN')),
    status        VARCHAR(12)  NOT NULL CHECK (status IN ('SUBMITTED', 'SHORTLISTED', 'ELIMINATED', 'ADMITTED', 'REFUSED')),
    quality_score NUMERIC(6, 2),
    rank          INT,
    review_reason VARCHAR(500),
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_at   TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(64)  NOT NULL
);
CREATE UNIQUE INDEX framework_response_once ON framework_response (agreement_id, supplier_id) WHERE status <> 'REFUSED';

CREATE TABLE framework_response_price
(
    response_id UUID           NOT NULL REFERENCES framework_response (id),
    item_no     INT            NOT NULL,
    unit_price  NUMERIC(18, 2) NOT NULL CHECK (unit_price > 0),
    PRIMARY KEY (response_id, item_no)
);

-- A second-stage order (each one a contract): by direct selection, secondary competition or rotation.
CREATE TABLE framework_order
(
    id                   UUID PRIMARY KEY,
    agreement_id         UUID           NOT NULL REFERENCES framework_agreement (id),
    buyer_id             UUID           NOT NULL,
    item_no              INT            NOT NULL,
    quantity             NUMERIC(14, 2) NOT NULL CHECK (quantity > 0),
    method               VARCHAR(12)    NOT NULL CHECK (method IN ('DIRECT', 'COMPETITION', 'ROTATION')),
    status               VARCHAR(12)    NOT NULL CHECK (status IN ('COMPETING', 'CONCLUDED', 'PUBLISHED', 'FAILED')),
    supplier_id          UUID,
    unit_price           NUMERIC(18, 2),
    amount               NUMERIC(18, 2),
    rotation_position    INT,
    competition_deadline TIMESTAMP WITH TIME ZONE,
    concluded_at         TIMESTAMP WITH TIME ZONE,
    publication_due      TIMESTAMP WITH TIME ZONE,
    published_at         TIMESTAMP WITH TIME ZONE,
    late_flagged         BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(64)    NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(64)    NOT NULL
);
CREATE INDEX framework_order_agreement ON framework_order (agreement_id, published_at);

-- Sealed offers of a secondary competition (二次竞价): the SM3 commitment before the deadline, the price and nonce
-- revealed after it.
CREATE TABLE framework_offer
(
    order_id     UUID           NOT NULL REFERENCES framework_order (id),
    supplier_id  UUID           NOT NULL,
    commitment   CHAR(64)       NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    price        NUMERIC(18, 2),
    nonce        VARCHAR(128),
    revealed_at  TIMESTAMP WITH TIME ZONE,
    created_by   VARCHAR(64)    NOT NULL,
    PRIMARY KEY (order_id, supplier_id)
);

-- Public notices: 入围结果, 加入结果 (open agreements), 顺序轮候成交结果, 合同公告 of an order, 成交结果汇总.
CREATE TABLE framework_notice
(
    id           UUID PRIMARY KEY,
    seq          BIGINT        GENERATED ALWAYS AS IDENTITY UNIQUE,
    agreement_id UUID          NOT NULL REFERENCES framework_agreement (id),
    type         VARCHAR(20)   NOT NULL CHECK (type IN ('SHORTLIST', 'JOIN', 'ROTATION', 'ORDER_CONTRACT', 'ORDER_SUMMARY')),
    title        VARCHAR(300)  NOT NULL,
    body         TEXT          NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)   NOT NULL
);
CREATE INDEX framework_notice_agreement ON framework_notice (agreement_id, seq);
