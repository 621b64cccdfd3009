-- The tenderee a draw was requested for, kept with the draw: the sittings-per-tenderee avoidance rule
-- (AvoidanceRule.TENDEREE_SITTINGS) counts an expert's earlier sittings with the same tenderee from the draws alone,
-- so the experts context no longer joins tendering's tables (issue 15). The tenderee of a tender does not change;
-- existing draws are filled once from their tender here, the only place the experts context reads it.
ALTER TABLE expert_draw ADD COLUMN tenderee_id UUID;
UPDATE expert_draw d SET tenderee_id = t.tenderee_id FROM tender t WHERE t.id = d.tender_id;
ALTER TABLE expert_draw ALTER COLUMN tenderee_id SET NOT NULL;
CREATE INDEX expert_draw_evaluation_start ON expert_draw (evaluation_start);
