-- Reg. 26 (《招标投标法实施条例》第二十六条): a cash deposit comes from the bidder's basic account (基本账户). Each
-- organisation registers its own; a change closes the current row and opens a new one, so the account that was
-- current at any moment (the moment a deposit was booked) stays known, with who registered it and when.
CREATE TABLE basic_account
(
    id              UUID         PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES organisation (id),
    bank_name       VARCHAR(100) NOT NULL,
    account_number  VARCHAR(32)  NOT NULL CHECK (account_number ~ '^[0-9]{8,32}$'),
    valid_from      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    valid_until     TIMESTAMP WITH TIME ZONE,
    superseded_by   VARCHAR(64),
    CHECK ((valid_until IS NULL) = (superseded_by IS NULL))
);
CREATE UNIQUE INDEX basic_account_current_idx ON basic_account (organisation_id) WHERE valid_until IS NULL;
CREATE INDEX basic_account_organisation_idx ON basic_account (organisation_id, valid_from);
