-- Issue 20 part I: intermediaries (中介服务机构: 造价咨询, 工程监理, 设计, 资产评估, 测绘 …) as an organisation kind of their own.
ALTER TABLE organisation DROP CONSTRAINT organisation_kind_check;
ALTER TABLE organisation ADD CONSTRAINT organisation_kind_check
    CHECK (kind IN ('TRADING_CENTRE', 'TENDEREE', 'AGENCY', 'BIDDER', 'SUPERVISION_DEPARTMENT', 'OTHER', 'INTERMEDIARY'));
