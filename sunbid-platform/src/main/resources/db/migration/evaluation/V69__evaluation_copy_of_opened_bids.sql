-- The evaluation's own copy of each opening (issue 15): what sealing.BidsOpened carries, kept by the evaluation so that
-- it never reads sealing's tables or parses the signed opening record. Written once by the listener; the opening row is
-- also what serialises the start of the tender's evaluation (SELECT … FOR UPDATE on the evaluation's own row, never on
-- another context's table), so it keeps the runtime role's UPDATE right (a row lock needs it) but has the append-only
-- trigger: nobody changes or deletes it.
CREATE TABLE evaluation_opening
(
    tender_id  UUID     PRIMARY KEY,
    record_sm3 CHAR(64) NOT NULL, -- SM3 of the platform-signed opening record; K is drawn from it
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    copied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each bid as the opening record lists it, in the record's order.
CREATE TABLE evaluation_bid
(
    tender_id   UUID         NOT NULL REFERENCES evaluation_opening (tender_id),
    position    INT          NOT NULL,
    bid_id      UUID         NOT NULL,
    bidder_id   UUID         NOT NULL,
    bidder      VARCHAR(300) NOT NULL,
    opened      BOOLEAN      NOT NULL,
    price       NUMERIC,               -- the price sheet's total, null when missing or not an amount
    price_sheet TEXT         NOT NULL, -- canonical JSON
    files       TEXT         NOT NULL, -- canonical JSON array of the decrypted files' names
    rejection   TEXT,                  -- why a bid was not opened
    PRIMARY KEY (tender_id, bid_id),
    UNIQUE (tender_id, position)
);

CREATE TRIGGER evaluation_opening_append_only BEFORE UPDATE OR DELETE ON evaluation_opening
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER evaluation_opening_no_truncate BEFORE TRUNCATE ON evaluation_opening
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER evaluation_bid_append_only BEFORE UPDATE OR DELETE ON evaluation_bid
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER evaluation_bid_no_truncate BEFORE TRUNCATE ON evaluation_bid
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();

DO
$revoke$
BEGIN
    IF '${runtime_user}' <> current_user THEN
        EXECUTE format('REVOKE UPDATE, DELETE ON evaluation_bid FROM %I', '${runtime_user}');
        EXECUTE format('REVOKE DELETE ON evaluation_opening FROM %I', '${runtime_user}');
    END IF;
END
$revoke$;
