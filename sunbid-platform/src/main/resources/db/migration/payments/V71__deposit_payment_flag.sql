-- Reg. 26 at closing: each payment refused as not from the bidder's basic account is flagged once to the region's
-- supervisor (issue 15). The flags are raised after the closing commits, by a listener that Spring Modulith's event
-- publication registry (event_publication) runs again after a failure or a restart, so this row is what makes a
-- second run flag nothing twice. Append-only: a flag raised is never taken back.
CREATE TABLE deposit_payment_flag
(
    payment_id UUID                     NOT NULL PRIMARY KEY REFERENCES bank_payment (id),
    flagged_at TIMESTAMP WITH TIME ZONE NOT NULL
);

REVOKE UPDATE, DELETE ON deposit_payment_flag FROM ${runtime_user};
CREATE TRIGGER deposit_payment_flag_append_only BEFORE UPDATE OR DELETE ON deposit_payment_flag
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER deposit_payment_flag_no_truncate BEFORE TRUNCATE ON deposit_payment_flag
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
