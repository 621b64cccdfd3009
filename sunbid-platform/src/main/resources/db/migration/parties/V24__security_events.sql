-- Security events (安全事件) for administrators: failed logins and throttling, with the source address. Never in the
-- public transparency log, which must not carry usernames or login details. Rows are only ever added.
CREATE TABLE security_event
(
    id             BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    kind           VARCHAR(30)  NOT NULL CHECK (kind IN ('LOGIN_FAILED', 'SOURCE_THROTTLED', 'ACCOUNT_THROTTLED')),
    source_address VARCHAR(64)  NOT NULL,
    -- The account the attempt named, when one exists; a name that matches no account is not kept (it may be a
    -- password typed into the wrong field).
    account_id     UUID         REFERENCES account (id),
    username       VARCHAR(64),
    failures       INT          NOT NULL,
    wait_seconds   BIGINT,
    created_by     VARCHAR(64)  NOT NULL
);
CREATE INDEX security_event_occurred_idx ON security_event (occurred_at DESC);

-- Accounts are no longer locked by failed logins (anyone could lock a rival out): throttling replaces it.
ALTER TABLE account DROP COLUMN failed_logins;
ALTER TABLE account DROP COLUMN locked_until;
