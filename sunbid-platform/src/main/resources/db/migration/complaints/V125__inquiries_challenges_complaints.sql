-- Inquiries, challenges and complaints (询问、质疑、投诉; 政府采购法 Art. 51–57, 实施条例 Art. 52–58, 财政部令第94号,
-- 招标投标法实施条例 Art. 60–62). Append-only: every step of a case is a new version of it, never an update, so the
-- history of each case (when asked, answered, accepted, suspended, decided) stays as it happened. The latest version of
-- a case is where it stands; its columns are what queries need (the lot, the party, the open step's due instant, whether
-- it holds the contract, the suspension in force), the whole case is in state.
CREATE TABLE complaint_case_version
(
    seq              BIGSERIAL     PRIMARY KEY,
    case_id          UUID          NOT NULL,
    kind             VARCHAR(10)   NOT NULL CHECK (kind IN ('INQUIRY', 'CHALLENGE', 'COMPLAINT')),
    version          INT           NOT NULL CHECK (version >= 1),
    lot_id           UUID          NOT NULL,
    party_id         UUID          NOT NULL,   -- the supplier who asked, challenged or complained
    handler_id       UUID,                     -- the department handling a complaint
    region_code      VARCHAR(12),
    status           VARCHAR(20)   NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE, -- the open step's due instant, null when none is open
    holds_contract   BOOLEAN       NOT NULL DEFAULT FALSE,
    suspended_from   TIMESTAMP WITH TIME ZONE,
    suspended_until  TIMESTAMP WITH TIME ZONE,
    outcome          VARCHAR(10),
    state            TEXT          NOT NULL,   -- the case as JSON
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by      VARCHAR(64)   NOT NULL,
    UNIQUE (case_id, version)
);
CREATE INDEX complaint_case_version_lot ON complaint_case_version (lot_id, case_id, version);
CREATE INDEX complaint_case_version_party ON complaint_case_version (party_id);

-- A challenge as the supplier signed it (its certificate registered on the platform), kept as received.
CREATE TABLE complaint_challenge_signature
(
    challenge_id    UUID          PRIMARY KEY,
    statement       TEXT          NOT NULL,
    signature       TEXT          NOT NULL,
    certificate_id  UUID          NOT NULL,
    signer_pem      TEXT          NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by     VARCHAR(64)   NOT NULL
);

-- Each overdue step flagged once to the supervisors (the flag is also a public log entry).
CREATE TABLE complaint_overdue_flag
(
    case_id     UUID          NOT NULL,
    step        VARCHAR(20)   NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    flagged_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, step, due_at)
);

-- 财政部令第94号 Art. 37: a supplier with UNFOUNDED_COMPLAINTS_MAX unfounded complaints within 12 months gets a record
-- (for the credit records to come).
CREATE TABLE complaint_unfounded_record
(
    id             UUID          PRIMARY KEY,
    supplier_id    UUID          NOT NULL,
    complaint_ids  UUID[]        NOT NULL,
    unfounded      INT           NOT NULL,
    rule           VARCHAR(200)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX complaint_unfounded_record_supplier ON complaint_unfounded_record (supplier_id);

DO
$append_only$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY ['complaint_case_version', 'complaint_challenge_signature', 'complaint_overdue_flag',
        'complaint_unfounded_record'] LOOP
        IF '${runtime_user}' <> current_user THEN
            EXECUTE format('REVOKE UPDATE, DELETE ON %I FROM %I', t, '${runtime_user}');
        END IF;
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION append_only()',
            t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION append_only()',
            t || '_no_truncate', t);
    END LOOP;
END
$append_only$;
