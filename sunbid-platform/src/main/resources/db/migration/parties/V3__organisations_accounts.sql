-- Organisations (单位), identified by their unified social credit code (统一社会信用代码, GB 32100-2015).
CREATE TABLE organisation
(
    id          UUID         PRIMARY KEY,
    credit_code CHAR(18)     NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(30)  NOT NULL CHECK (kind IN ('TRADING_CENTRE', 'TENDEREE', 'AGENCY', 'BIDDER',
                                                      'SUPERVISION_DEPARTMENT', 'OTHER')),
    region_code VARCHAR(12)  NOT NULL REFERENCES region (code),
    blacklisted BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL
);
CREATE INDEX organisation_region_idx ON organisation (region_code);

-- Accounts of people who log in. A staff or supervisor account sees its region's subtree.
CREATE TABLE account
(
    id              UUID         PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name    VARCHAR(100) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('ADMINISTRATOR', 'CENTRE_STAFF', 'TENDEREE', 'AGENCY',
                                                          'BIDDER', 'EXPERT', 'SUPERVISOR')),
    organisation_id UUID         REFERENCES organisation (id),
    region_code     VARCHAR(12)  NOT NULL REFERENCES region (code),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins   INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL
);
CREATE INDEX account_organisation_idx ON account (organisation_id);

-- API bearer tokens: only the SM3 hash of a token is stored, so a database reader cannot use one.
CREATE TABLE api_token
(
    token_hash CHAR(64)    PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES account (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_account_idx ON api_token (account_id);

-- X.509 certificates (数字证书) with SM2 keys held by organisations or by individual accounts (experts).
CREATE TABLE certificate
(
    id              UUID         PRIMARY KEY,
    organisation_id UUID         REFERENCES organisation (id),
    account_id      UUID         REFERENCES account (id),
    serial_hex      VARCHAR(64)  NOT NULL,
    subject_dn      TEXT         NOT NULL,
    issuer_dn       TEXT         NOT NULL,
    not_before      TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after       TIMESTAMP WITH TIME ZONE NOT NULL,
    fingerprint     CHAR(64)     NOT NULL UNIQUE,
    pem             TEXT         NOT NULL,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    CHECK ((organisation_id IS NULL) <> (account_id IS NULL))
);
CREATE INDEX certificate_organisation_idx ON certificate (organisation_id);
CREATE INDEX certificate_account_idx ON certificate (account_id);
