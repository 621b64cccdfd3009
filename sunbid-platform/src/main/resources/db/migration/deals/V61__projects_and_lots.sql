-- Trading projects (交易项目) and their lots (标段/采购包). A lot that runs a tender is tendering's tender: the tender's
-- id is the lot's id. Owners, agencies and regions are other contexts' records, referred to by id or code and checked
-- through their APIs when a project is registered.
CREATE TABLE deal_project
(
    id             UUID           PRIMARY KEY,
    deal_code      VARCHAR(60)    NOT NULL UNIQUE,
    kind           VARCHAR(10)    NOT NULL CHECK (kind IN ('GCJS', 'ZFCG', 'TDSYQ', 'KYQ', 'GYCQ')),
    procedure_code VARCHAR(40)    NOT NULL REFERENCES deal_procedure (code),
    name           VARCHAR(200)   NOT NULL,
    region_code    VARCHAR(12)    NOT NULL,
    owner_id       UUID           NOT NULL,
    agency_id      UUID,
    budget         NUMERIC(16, 2) NOT NULL CHECK (budget > 0),
    price_cap      NUMERIC(16, 2) CHECK (price_cap IS NULL OR price_cap > 0),
    category       VARCHAR(10)    NOT NULL CHECK (category IN ('WORKS', 'GOODS', 'SERVICES')),
    item_code      VARCHAR(40),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64)    NOT NULL
);
CREATE INDEX deal_project_region_idx ON deal_project (region_code);
CREATE INDEX deal_project_created_idx ON deal_project (created_at);
CREATE INDEX deal_project_owner_idx ON deal_project (owner_id);

CREATE TABLE deal_lot
(
    id         UUID           PRIMARY KEY,
    project_id UUID           NOT NULL REFERENCES deal_project (id),
    lot_no     INT            NOT NULL CHECK (lot_no BETWEEN 1 AND 999),
    name       VARCHAR(200)   NOT NULL,
    budget     NUMERIC(16, 2) NOT NULL CHECK (budget > 0),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64)    NOT NULL,
    UNIQUE (project_id, lot_no)
);

-- The serial of the unified deal code (统一交易标识码), one counter per Beijing date.
CREATE TABLE deal_code_serial
(
    day  DATE PRIMARY KEY,
    last INT  NOT NULL CHECK (last BETWEEN 1 AND 999999)
);
