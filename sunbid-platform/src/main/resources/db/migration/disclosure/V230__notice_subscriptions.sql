-- Subscriptions to a saved search of the published notices (issue 18, part F). A saved search is the search's query
-- string in canonical form (the same parameters as /feeds/notices.atom). A subscription belongs to one account; it is
-- cancelled, never deleted, so what was sent under it stays explained.
CREATE TABLE notice_subscription
(
    id           UUID                     PRIMARY KEY,
    account_id   UUID                     NOT NULL,
    name         VARCHAR(100)             NOT NULL,
    search       VARCHAR(2000)            NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100)             NOT NULL,
    cancelled_at TIMESTAMP WITH TIME ZONE,
    cancelled_by VARCHAR(100)
);
CREATE INDEX notice_subscription_account ON notice_subscription (account_id, created_at);

-- The outbox: one row per (subscription, notice) ever matched, so a retried match or a redelivered event never
-- notifies twice. Written after the publishing transaction committed; a scheduled dispatcher delivers each row
-- at least once, retrying with backoff. Holds only what the notice shows publicly.
CREATE TABLE notice_outbox
(
    id              UUID                     PRIMARY KEY,
    subscription_id UUID                     NOT NULL REFERENCES notice_subscription (id),
    account_id      UUID                     NOT NULL,
    notice_id       VARCHAR(200)             NOT NULL,
    lot_id          VARCHAR(100),
    notice_type     VARCHAR(40)              NOT NULL,
    title           VARCHAR(1000)            NOT NULL,
    url             VARCHAR(500)             NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INT                      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    given_up_at     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    CONSTRAINT notice_outbox_once UNIQUE (subscription_id, notice_id)
);
CREATE INDEX notice_outbox_due ON notice_outbox (next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL;

-- A lot whose new notice was not yet found in the search index when its event arrived: matched again later.
CREATE TABLE notice_match_pending
(
    lot_id          UUID                     PRIMARY KEY,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INT                      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The sandbox notifier's deliveries (what a mail/SMS gateway would have sent), shown on the subscriber's workbench.
-- One per outbox row: a second delivery of the same row is recognised by its id.
CREATE TABLE sandbox_notice_message
(
    delivery_id     UUID                     PRIMARY KEY,
    account_id      UUID                     NOT NULL,
    subscription_id UUID                     NOT NULL,
    notice_id       VARCHAR(200)             NOT NULL,
    text            VARCHAR(1500)            NOT NULL,
    url             VARCHAR(500)             NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sandbox_notice_message_account ON sandbox_notice_message (account_id, sent_at);
