-- Every tender that existed before projects becomes the one lot of a construction project (GCJS, open tender): the
-- lot has the tender's id, the project the tender's name, region, tenderee, agency and estimated price. Deal codes
-- are numbered per Beijing date of the tender's creation, in creation order, after any the day already has, and the
-- day counters continue from them.
-- The one place in the deals context that reads tendering's table, once, at migration.
CREATE TEMPORARY TABLE migrated_tender ON COMMIT DROP AS
SELECT t.id AS tender_id, gen_random_uuid() AS project_id, t.name, t.region_code, t.tenderee_id, t.agency_id,
       t.estimated_price, t.created_at, t.created_by,
       (t.created_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
       ROW_NUMBER() OVER (PARTITION BY (t.created_at AT TIME ZONE 'Asia/Shanghai')::date ORDER BY t.created_at, t.id)
           + COALESCE((SELECT s.last FROM deal_code_serial s
                       WHERE s.day = (t.created_at AT TIME ZONE 'Asia/Shanghai')::date), 0) AS serial
FROM tender t
WHERE NOT EXISTS (SELECT 1 FROM deal_lot l WHERE l.id = t.id);

INSERT INTO deal_project (id, deal_code, kind, procedure_code, name, region_code, owner_id, agency_id, budget, price_cap,
                          category, item_code, created_at, created_by)
SELECT project_id,
       'GCJS-${platform_credit_code}-' || to_char(day, 'YYYYMMDD') || '-' || lpad(serial::text, 6, '0'),
       'GCJS', 'GCJS_OPEN_TENDER', name, region_code, tenderee_id, agency_id, estimated_price, NULL, 'WORKS', NULL,
       created_at, created_by
FROM migrated_tender;

INSERT INTO deal_lot (id, project_id, lot_no, name, budget, created_at, created_by)
SELECT tender_id, project_id, 1, name, estimated_price, created_at, created_by
FROM migrated_tender;

INSERT INTO deal_code_serial (day, last)
SELECT day, MAX(serial) FROM migrated_tender GROUP BY day
ON CONFLICT (day) DO UPDATE SET last = GREATEST(deal_code_serial.last, EXCLUDED.last);
