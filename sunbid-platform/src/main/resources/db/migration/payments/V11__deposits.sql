-- Deposits (投标保证金) and electronic guarantees (电子保函). Amounts in yuan with two decimals.

-- Banks the platform holds deposit accounts with; each notification must carry a signature by its certificate.
CREATE TABLE bank
(
    code            VARCHAR(20)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    account_prefix  VARCHAR(12)  NOT NULL,
    certificate_pem TEXT         NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One virtual sub-account (虚拟子账号) per registration. The number is random, never sequential: a sequential number
-- would tell a bidder how many registered before it.
CREATE TABLE deposit_account
(
    id              UUID          PRIMARY KEY,
    registration_id UUID          NOT NULL UNIQUE REFERENCES tender_registration (id),
    tender_id       UUID          NOT NULL REFERENCES tender (id),
    bidder_id       UUID          NOT NULL REFERENCES organisation (id),
    bank_code       VARCHAR(20)   NOT NULL REFERENCES bank (code),
    sub_account     VARCHAR(32)   NOT NULL UNIQUE,
    status          VARCHAR(20)   NOT NULL CHECK (status IN ('AWAITING', 'PAID', 'GUARANTEED', 'NOT_REQUIRED')),
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at      TIMESTAMP WITH TIME ZONE,
    version         INT           NOT NULL DEFAULT 0
);
CREATE INDEX deposit_account_tender_idx ON deposit_account (tender_id);

-- Every credit a bank notified, whatever became of it. (bank_code, bank_txn_id) makes notifications idempotent.
CREATE TABLE bank_payment
(
    id                 UUID          PRIMARY KEY,
    bank_code          VARCHAR(20)   NOT NULL REFERENCES bank (code),
    bank_txn_id        VARCHAR(64)   NOT NULL,
    sub_account        VARCHAR(32)   NOT NULL,
    deposit_account_id UUID          REFERENCES deposit_account (id),
    amount             NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    payer_name         VARCHAR(200)  NOT NULL,
    payer_account      VARCHAR(40)   NOT NULL,
    booked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome            VARCHAR(20)   NOT NULL CHECK (outcome IN ('CREDITED', 'WRONG_AMOUNT', 'LATE', 'UNKNOWN_ACCOUNT', 'DUPLICATE')),
    notification_sm3   CHAR(64)      NOT NULL,
    UNIQUE (bank_code, bank_txn_id)
);
CREATE INDEX bank_payment_account_idx ON bank_payment (deposit_account_id);
CREATE INDEX bank_payment_payer_idx ON bank_payment (payer_account);

-- Refund instructions to a bank, with their own life: PENDING -> SENDING (claimed by one dispatcher) -> SUBMITTED ->
-- COMPLETED | FAILED. Banks deduplicate by instruction id, so sending again after a crash is harmless.
CREATE TABLE refund_instruction
(
    id              UUID          PRIMARY KEY,
    payment_id      UUID          NOT NULL UNIQUE REFERENCES bank_payment (id),
    bank_code       VARCHAR(20)   NOT NULL REFERENCES bank (code),
    amount          NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    payee_name      VARCHAR(200)  NOT NULL,
    payee_account   VARCHAR(40)   NOT NULL,
    reason          VARCHAR(30)   NOT NULL,
    status          VARCHAR(20)   NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SUBMITTED', 'COMPLETED', 'FAILED')),
    bank_reference  VARCHAR(64),
    failure         VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refund_instruction_pending_idx ON refund_instruction (created_at) WHERE status = 'PENDING';

-- Issuers (banks, insurers) whose signed guarantees the platform accepts.
CREATE TABLE guarantee_issuer
(
    fingerprint     CHAR(64)     PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    certificate_pem TEXT         NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sandbox         BOOLEAN      NOT NULL DEFAULT FALSE -- the platform's own sandbox insurer: honoured only while enabled
);

CREATE TABLE deposit_guarantee
(
    id                 UUID          PRIMARY KEY,
    deposit_account_id UUID          NOT NULL UNIQUE REFERENCES deposit_account (id),
    issuer_fingerprint CHAR(64)      NOT NULL REFERENCES guarantee_issuer (fingerprint),
    guarantee_no       VARCHAR(64)   NOT NULL,
    amount             NUMERIC(18, 2) NOT NULL,
    valid_from         TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until        TIMESTAMP WITH TIME ZONE NOT NULL,
    document           TEXT          NOT NULL,
    signature          TEXT          NOT NULL,
    document_sm3       CHAR(64)      NOT NULL,
    accepted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (issuer_fingerprint, guarantee_no)
);
