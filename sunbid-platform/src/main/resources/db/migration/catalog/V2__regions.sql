-- Administrative regions (行政区划, GB/T 2260 codes; 9 digits for townships, 12 for villages) as a tree.
-- path holds the codes from the root down, '/'-separated and '/'-terminated, so a subtree is a prefix match.
CREATE TABLE region
(
    code        VARCHAR(12)  PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(10)  NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code VARCHAR(12)  REFERENCES region (code),
    path        TEXT         NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL
);
CREATE INDEX region_parent_idx ON region (parent_code);
CREATE INDEX region_path_idx ON region (path text_pattern_ops);
