-- External credit lists (外部信用名单, issue 20 S): the lists the platform imports as data — each with the body that keeps
-- it, the basis for excluding its entries, and the gates its entries bar — every import of a version (the list's own
-- date, the file's SM3: the same file twice changes nothing) and every entry with the import that brought it. An
-- entry's credit record is credit_record (source = the list's name, source_ref = the entry id with its content's SM3,
-- so a changed entry is a new record and an unchanged one the same). An entry missing from a newer version ends: its
-- record is withdrawn with the reason and the version that no longer lists it.
CREATE TABLE credit_list (
    code          TEXT        PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,40}$'),
    name          TEXT        NOT NULL UNIQUE,
    keeper        TEXT        NOT NULL,
    legal_basis   TEXT        NOT NULL,
    gates         TEXT[]      NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

INSERT INTO credit_list (code, name, keeper, legal_basis, gates, created_by, created_at) VALUES
    ('court-debtors', '失信被执行人', '最高人民法院',
     '《最高人民法院关于公布失信被执行人名单信息的若干规定》；《关于在招标投标活动中对失信被执行人实施联合惩戒的通知》（法〔2016〕285号）；财库〔2016〕125号',
     '{BIDDING,INVITATION,AGENCY_SELECTION,AUCTION_QUALIFICATION}', 'flyway', now()),
    ('tax-offenders', '重大税收违法失信主体', '国家税务总局',
     '《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）；财库〔2016〕125号',
     '{BIDDING,INVITATION,AGENCY_SELECTION,AUCTION_QUALIFICATION}', 'flyway', now()),
    ('gp-serious', '政府采购严重违法失信行为记录名单', '财政部',
     '《政府采购法》第二十二条、第七十七条；《政府采购法实施条例》第十九条；财库〔2016〕125号',
     '{BIDDING,INVITATION,AGENCY_SELECTION}', 'flyway', now()),
    ('construction-blacklist', '工程建设领域失信主体名单', '住房和城乡建设主管部门',
     '《招标投标法实施条例》第六十七条、第六十八条、第七十八条',
     '{BIDDING,INVITATION}', 'flyway', now());

CREATE TABLE credit_list_import (
    id            UUID        PRIMARY KEY,
    list_code     TEXT        NOT NULL REFERENCES credit_list (code),
    list_date     DATE        NOT NULL,
    file_sm3      TEXT        NOT NULL,
    file_name     TEXT,
    origin        TEXT        NOT NULL CHECK (origin IN ('UPLOAD', 'DIRECTORY', 'DEMO')),
    entries       INTEGER     NOT NULL,
    added         INTEGER     NOT NULL,
    ended         INTEGER     NOT NULL,
    log_seq       BIGINT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (list_code, file_sm3)
);
CREATE INDEX credit_list_import_list ON credit_list_import (list_code, list_date DESC);

CREATE TABLE credit_list_entry (
    record_id     UUID        PRIMARY KEY REFERENCES credit_record (id),
    list_code     TEXT        NOT NULL REFERENCES credit_list (code),
    entry_id      TEXT        NOT NULL,
    content_sm3   TEXT        NOT NULL,
    import_id     UUID        NOT NULL REFERENCES credit_list_import (id),
    line          INTEGER     NOT NULL,
    ended_import  UUID        REFERENCES credit_list_import (id),
    ended_at      TIMESTAMPTZ,
    ended_reason  TEXT,
    created_at    TIMESTAMPTZ NOT NULL
);
-- one current entry per list and entry id
CREATE UNIQUE INDEX credit_list_entry_current ON credit_list_entry (list_code, entry_id) WHERE ended_at IS NULL;
