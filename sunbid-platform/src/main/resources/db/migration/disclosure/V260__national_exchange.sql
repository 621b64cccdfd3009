-- Issue 18 part N: the national data exchange (全国公共资源交易平台系统数据规范). Disclosure's own tables.

-- The outbox: each dataset record once per content (record id + content SM3). Queued after the owning context's event
-- committed, or again by a replay; sent by a scheduled sender with retries and backoff (at-least-once).
CREATE TABLE exchange_outbox (
    record_id        VARCHAR(200) NOT NULL,
    content_sm3      CHAR(64) NOT NULL,
    dataset          VARCHAR(40) NOT NULL,
    deal_code        VARCHAR(80) NOT NULL,
    payload          TEXT NOT NULL,
    published_at     TIMESTAMP WITH TIME ZONE NOT NULL, -- when the facts it carries became public
    queued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    queued_by        VARCHAR(100) NOT NULL,              -- 'event' or 'replay:<username>'
    attempts         INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    receipt_id       UUID,
    last_error       VARCHAR(500),
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (record_id, content_sm3)
);
CREATE INDEX exchange_outbox_due ON exchange_outbox (next_attempt_at) WHERE delivered_at IS NULL;

-- The receipts the national platform returned, one per delivered batch.
CREATE TABLE exchange_receipt (
    id            UUID PRIMARY KEY,            -- the receiving side's receipt id
    receiver_id   VARCHAR(80) NOT NULL,        -- the receiving side's id
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    batch_sm3     CHAR(64) NOT NULL,           -- SM3 of the batch's "recordId contentSm3" lines, sorted
    records       INT NOT NULL,
    accepted      INT NOT NULL,                -- new at the receiving side
    duplicates    INT NOT NULL,                -- already held there (same record id and content SM3)
    receipt_sm3   CHAR(64) NOT NULL,           -- the receiving side's hash over the receipt
    stored_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Replays asked for: from which date, by whom, and which records they rebuilt (count and SM3 of their list).
CREATE TABLE exchange_replay (
    id            UUID PRIMARY KEY,
    from_date     DATE NOT NULL,
    requested_by  VARCHAR(100) NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    records       INT NOT NULL,
    records_sm3   CHAR(64) NOT NULL
);

-- The sandbox national platform's own store (the receiving side, in-process): each record once per content.
CREATE TABLE exchange_sandbox_record (
    record_id     VARCHAR(200) NOT NULL,
    content_sm3   CHAR(64) NOT NULL,
    dataset       VARCHAR(40) NOT NULL,
    deal_code     VARCHAR(80) NOT NULL,
    payload       TEXT NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    receipt_id    UUID NOT NULL,
    PRIMARY KEY (record_id, content_sm3)
);
