-- 采购意向公开 (财库〔2020〕10号): a government procurement project's purchaser publishes its procurement intention
-- (project name and budget from the project, 采购需求概况, 预计采购时间) at least 30 日 before the procurement notice
-- (rule PROCUREMENT_INTENTION of the procedure, resolved at the notice's date), or records why it is exempt
-- (因预算单位不可预见的原因急需开展的采购 / 涉密), with both the ground and a reason. One row per project, never changed.
CREATE TABLE deal_intention
(
    project_id   UUID          PRIMARY KEY REFERENCES deal_project (id),
    published_at TIMESTAMP WITH TIME ZONE,
    summary      VARCHAR(2000),
    expected     VARCHAR(7),   -- 预计采购时间, yyyy-MM
    ground       VARCHAR(20)   CHECK (ground IN ('URGENT', 'CLASSIFIED')),
    reason       VARCHAR(2000),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    CHECK ((published_at IS NOT NULL AND summary IS NOT NULL AND expected IS NOT NULL AND ground IS NULL AND reason IS NULL)
        OR (published_at IS NULL AND ground IS NOT NULL AND length(btrim(reason)) > 0))
);

REVOKE UPDATE, DELETE ON deal_intention FROM ${runtime_user};
CREATE TRIGGER deal_intention_append_only BEFORE UPDATE OR DELETE ON deal_intention
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER deal_intention_no_truncate BEFORE TRUNCATE ON deal_intention
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
