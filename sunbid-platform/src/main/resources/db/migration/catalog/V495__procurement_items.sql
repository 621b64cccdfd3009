-- The 政府采购品目分类目录 (procurement item catalogue, 财库〔2022〕31号 ⚠) as maintained reference data: each 品目 by its
-- code (A 货物, B 工程, C 服务, then two digits per level: A02, A0201, A020101, A02010104), its name and parent.
-- children_complete says that every child of the item is listed here, so a code under it that is not listed is no
-- 品目; where it is false the table is a seed, and a well-formed code under the item is taken as one of its children.
-- verified: the row was checked against the published table; false (⚠) rows are from memory of the 2022 catalogue and
-- must be checked before production use. Codes that could not be recalled with confidence are left out.
CREATE TABLE procurement_item (
    code              TEXT        PRIMARY KEY CHECK (code ~ '^[ABC]([0-9]{2}){0,4}$'),
    name              TEXT        NOT NULL,
    parent_code       TEXT        REFERENCES procurement_item (code),
    children_complete BOOLEAN     NOT NULL DEFAULT FALSE,
    verified          BOOLEAN     NOT NULL DEFAULT FALSE,
    basis             TEXT        NOT NULL,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    changed_by        TEXT        NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL,
    CHECK ((parent_code IS NULL) = (length(code) = 1)),
    CHECK (parent_code IS NULL OR (code LIKE parent_code || '%' AND length(code) = length(parent_code) + 2))
);

-- The three kinds: certain (政府采购法 Art. 2: 货物、工程和服务).
INSERT INTO procurement_item (code, name, parent_code, children_complete, verified, basis, created_by, created_at, changed_by, changed_at) VALUES
    ('A', '货物', NULL, TRUE, TRUE, '政府采购法第二条；政府采购品目分类目录', 'flyway', now(), 'flyway', now()),
    ('B', '工程', NULL, FALSE, TRUE, '政府采购法第二条；政府采购品目分类目录', 'flyway', now(), 'flyway', now()),
    ('C', '服务', NULL, FALSE, TRUE, '政府采购法第二条；政府采购品目分类目录', 'flyway', now(), 'flyway', now());

-- The goods' second level of the 2022 catalogue (aligned with GB/T 14885-2022 固定资产等资产基础分类与代码, whose
-- classes after 土地 are these eight). ⚠ from memory: verify against 财库〔2022〕31号's table.
INSERT INTO procurement_item (code, name, parent_code, basis, created_by, created_at, changed_by, changed_at) VALUES
    ('A01', '房屋和构筑物', 'A', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A02', '设备', 'A', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A03', '文物和陈列品', 'A', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A04', '图书和档案', 'A', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A05', '家具和用具', 'A', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A06', '特种动植物', 'A', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A07', '物资', 'A', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A08', '无形资产', 'A', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now());

-- A few deeper goods items the e-mall's demo and notices use (⚠ from memory; their siblings are not listed, so other
-- well-formed codes under them are accepted).
INSERT INTO procurement_item (code, name, parent_code, basis, created_by, created_at, changed_by, changed_at) VALUES
    ('A0201', '信息化设备', 'A02', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A020101', '计算机', 'A0201', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A02010104', '台式计算机', 'A020101', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A02010105', '便携式计算机', 'A020101', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('A0202', '办公设备', 'A02', '财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now());

-- The works' second level as the 2013 catalogue had it (财库〔2013〕189号), believed unchanged in 2022 ⚠; B's list is
-- not marked complete, so a well-formed code under B is still taken.
INSERT INTO procurement_item (code, name, parent_code, basis, created_by, created_at, changed_by, changed_at) VALUES
    ('B01', '房屋施工', 'B', '财库〔2013〕189号；财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('B02', '构筑物施工', 'B', '财库〔2013〕189号；财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('B03', '施工工程准备', 'B', '财库〔2013〕189号；财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('B04', '预制构件组装和装配', 'B', '财库〔2013〕189号；财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('B05', '专业施工', 'B', '财库〔2013〕189号；财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('B06', '安装工程', 'B', '财库〔2013〕189号；财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('B07', '装修工程', 'B', '财库〔2013〕189号；财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now()),
    ('B08', '修缮工程', 'B', '财库〔2013〕189号；财库〔2022〕31号 ⚠', 'flyway', now(), 'flyway', now());
