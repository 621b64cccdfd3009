-- Specialty taxonomy (专业分类) for evaluation experts: maintained data, a tree by code prefix.
CREATE TABLE specialty
(
    code        VARCHAR(20)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    parent_code VARCHAR(20)  REFERENCES specialty (code)
);

-- Evaluation experts (评标专家). The profile grows with the expert-database issue; this is what the demo needs.
CREATE TABLE expert
(
    id          UUID         PRIMARY KEY,
    account_id  UUID         NOT NULL UNIQUE REFERENCES account (id),
    employer_id UUID         NOT NULL REFERENCES organisation (id),
    region_code VARCHAR(12)  NOT NULL REFERENCES region (code),
    title       VARCHAR(50)  NOT NULL,
    status      VARCHAR(12)  NOT NULL CHECK (status IN ('APPLYING', 'ACTIVE', 'SUSPENDED', 'BLACKLISTED', 'RETIRED')),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL
);

CREATE TABLE expert_specialty
(
    expert_id      UUID        NOT NULL REFERENCES expert (id),
    specialty_code VARCHAR(20) NOT NULL REFERENCES specialty (code),
    PRIMARY KEY (expert_id, specialty_code)
);

INSERT INTO specialty (code, name, parent_code) VALUES
    ('A', '工程建设', NULL),
    ('A01', '房屋建筑工程', 'A'),
    ('A02', '市政公用工程', 'A'),
    ('A03', '水利水电工程', 'A'),
    ('A04', '公路工程', 'A'),
    ('A05', '工程造价', 'A'),
    ('B', '政府采购', NULL),
    ('B01', '货物', 'B'),
    ('B02', '服务', 'B'),
    ('C', '经济与法律', NULL),
    ('C01', '财务会计', 'C'),
    ('C02', '法律', 'C');
