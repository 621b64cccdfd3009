-- What the application's runtime role (${runtime_user}) may do (issue 13). The migrations run as the owner of the
-- schema; the application connects as the runtime role, which is neither superuser nor owner: it cannot create, alter
-- or drop anything, truncate, set session_replication_role (superuser only) or disable a trigger (owner only).
-- It reads and writes ordinary tables; on the append-only tables, whose silent change would undo a promise, it may only
-- read and insert (docs/architecture.md lists them and why). The append-only triggers stay too, for everyone else.
-- Tables that later migrations create get the ordinary rights by default; a new append-only table revokes its own.
-- With one role for both (external mode without SUNBID_DB_OWNER_USER), there is nothing to grant.
DO
$grants$
DECLARE
    runtime CONSTANT TEXT := '${runtime_user}';
    t TEXT;
BEGIN
    IF runtime = current_user THEN
        RAISE WARNING 'one role (%) owns the schema and runs the application: no runtime grants', runtime;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RAISE EXCEPTION 'the runtime role % does not exist: create it first (README, external PostgreSQL)', runtime;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb)) THEN
        RAISE EXCEPTION 'the runtime role % must be an ordinary role: no SUPERUSER, CREATEROLE, CREATEDB or BYPASSRLS', runtime;
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', runtime);
    -- Nothing beyond: no TRUNCATE, REFERENCES or TRIGGER, which earlier hand-made grants may have given.
    EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM %I', runtime);
    EXECUTE format('REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM %I', runtime);

    -- Append-only: read and insert, never change or remove.
    FOREACH t IN ARRAY ARRAY [
        'log_entry', 'log_node', 'log_tree_head',                               -- the transparency log
        'log_confidential', 'log_confidential_commitment',                      -- confidential records and their commitments
        'tender_opening_key', 'opening_key_share', 'opening_share_release',     -- opening keys, encrypted shares, releases
        'bid_envelope_received', 'bid_envelope_status_change',                  -- bids as received, replaced/withdrawn
        'bid_withdrawal',                                                       -- the bidders' signed withdrawals
        'security_event',                                                       -- failed logins, for administrators
        'tender_document', 'tender_clarification',                              -- what was published to all bidders
        'bank_payment',                                                         -- the banks' payment notifications
        'evaluation_report_signature',                                          -- the experts' signatures on the report
        'flyway_schema_history'                                                 -- the schema's history is the owner's
        ] LOOP
        EXECUTE format('REVOKE UPDATE, DELETE ON %I FROM %I', t, runtime);
    END LOOP;
    EXECUTE format('REVOKE INSERT ON flyway_schema_history FROM %I', runtime);
    -- The log's size only grows (trigger): updated in place, never inserted or deleted.
    EXECUTE format('REVOKE INSERT, DELETE ON log_state FROM %I', runtime);
    -- An opening is completed once (trigger bid_opening_final), never deleted.
    EXECUTE format('REVOKE DELETE ON bid_opening FROM %I', runtime);
    -- Released plaintext shares are deleted once the bids are opened, never changed.
    EXECUTE format('REVOKE UPDATE ON released_share FROM %I', runtime);
    -- A view over the append-only bid tables: read only.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON bid_envelope FROM %I', runtime);

    IF has_schema_privilege(runtime, 'public', 'CREATE') THEN
        RAISE EXCEPTION 'the runtime role % can create objects in schema public: REVOKE CREATE ON SCHEMA public FROM PUBLIC', runtime;
    END IF;
END
$grants$;
