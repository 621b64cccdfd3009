-- Regional overrides of procedure rules (issue 17: "the rule set per kind and region, dated"). A region's local rule,
-- e.g. Fujian's 5-minute countdown after a 15-minute pause (闽 F:S10 Art. 33–46), overrides the value the procedure's
-- chain (procedure_rule, inherited up deal_procedure.inherits) gives, for every lot in that region's subtree: the
-- nearest region up the tree that has a version in force on the event's date decides; among that region's rows, the
-- nearest procedure up the chain. Versions of one (region, procedure, rule) follow each other without gap or overlap
-- (checked by deals.domain.RegionalRuleBook when read), like procedure_rule's. region_code is catalog's region, referred
-- to by code (regions are never moved or deleted). No real region's data is seeded here.
CREATE TABLE procedure_region_rule
(
    procedure_code VARCHAR(40)    NOT NULL REFERENCES deal_procedure (code),
    region_code    VARCHAR(12)    NOT NULL CHECK (region_code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    rule_key       VARCHAR(40)    NOT NULL,
    amount         NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    unit           VARCHAR(12)    NOT NULL CHECK (unit IN ('DAY', 'WORKING_DAY', 'PERCENT', 'COUNT', 'YUAN', 'HOUR', 'MINUTE', 'FLAG', 'MONTH')),
    article        VARCHAR(200)   NOT NULL,
    effective_from DATE           NOT NULL,
    effective_to   DATE           CHECK (effective_to IS NULL OR effective_to >= effective_from),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    created_by     VARCHAR(64)    NOT NULL DEFAULT 'migration',
    PRIMARY KEY (procedure_code, region_code, rule_key, effective_from)
);
CREATE INDEX procedure_region_rule_region_idx ON procedure_region_rule (region_code);
