-- Registrations (报名): anonymous until bidding closes. committed_seq is the transparency-log entry (a sealed digest
-- appended at a fixed rate, whether or not anyone registered) that committed the registration.
CREATE TABLE tender_registration
(
    id            UUID        PRIMARY KEY,
    tender_id     UUID        NOT NULL REFERENCES tender (id),
    bidder_id     UUID        NOT NULL REFERENCES organisation (id),
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by VARCHAR(64) NOT NULL,
    committed_seq BIGINT,
    UNIQUE (tender_id, bidder_id)
);
CREATE INDEX tender_registration_uncommitted_idx ON tender_registration (registered_at) WHERE committed_seq IS NULL;
