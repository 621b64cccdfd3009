-- Negotiation and consultation rounds (竞争性谈判 74号令 Art. 31–37, 竞争性磋商 财库〔2014〕214号 Art. 17–21, 单一来源
-- 74号令 Art. 42), issue 16 part D. The head and the rounds carry the current state; every message, document change, its
-- written delivery to each supplier, each acknowledgement and each exclusion is history: append-only.

CREATE TABLE negotiation
(
    lot_id         UUID PRIMARY KEY,          -- the lot (tender) negotiated
    procedure_code VARCHAR(40)  NOT NULL,     -- whose dated rules decide
    status         VARCHAR(20)  NOT NULL,
    stop_code      VARCHAR(60),               -- why it stopped (too few suppliers), with the rule's figures
    stop_remaining INT,
    stop_minimum   INT,
    stop_article   VARCHAR(300),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by     VARCHAR(100) NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     VARCHAR(100) NOT NULL
);

-- The suppliers whose responses were opened (sealing's opening, through its API), in the opening's order.
CREATE TABLE negotiation_supplier
(
    lot_id      UUID         NOT NULL REFERENCES negotiation (lot_id),
    supplier_id UUID         NOT NULL,
    name        VARCHAR(300) NOT NULL,
    position    INT          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (lot_id, supplier_id)
);

CREATE TABLE negotiation_round
(
    lot_id            UUID NOT NULL REFERENCES negotiation (lot_id),
    round             INT  NOT NULL CHECK (round >= 1),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by        VARCHAR(100) NOT NULL,
    offers_called_at  TIMESTAMP WITH TIME ZONE,
    offer_deadline    TIMESTAMP WITH TIME ZONE,
    offers_called_by  VARCHAR(100),
    offers_opened_at  TIMESTAMP WITH TIME ZONE,
    offers_record_sm3 CHAR(64),               -- SM3 of sealing's signed round record (OffersOpened)
    PRIMARY KEY (lot_id, round)
);

-- One supplier's thread with the panel: the panel's messages and minutes, the supplier's replies.
CREATE TABLE negotiation_message
(
    id          UUID PRIMARY KEY,
    seq         BIGINT GENERATED ALWAYS AS IDENTITY, -- the order of posting (several in one second)
    lot_id      UUID         NOT NULL REFERENCES negotiation (lot_id),
    supplier_id UUID         NOT NULL,
    round       INT          NOT NULL,
    side        VARCHAR(10)  NOT NULL CHECK (side IN ('PANEL', 'SUPPLIER')),
    body        TEXT         NOT NULL,
    body_sm3    CHAR(64)     NOT NULL,        -- what the transparency log commits to
    posted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    posted_by   VARCHAR(100) NOT NULL,
    FOREIGN KEY (lot_id, supplier_id) REFERENCES negotiation_supplier (lot_id, supplier_id)
);
CREATE INDEX negotiation_message_thread ON negotiation_message (lot_id, supplier_id, seq);

-- A change of the documents (74号令 Art. 32; 214号 Art. 18).
CREATE TABLE negotiation_change
(
    id        UUID PRIMARY KEY,
    seq       BIGINT GENERATED ALWAYS AS IDENTITY,
    lot_id    UUID         NOT NULL REFERENCES negotiation (lot_id),
    round     INT          NOT NULL,
    body      TEXT         NOT NULL,
    body_sm3  CHAR(64)     NOT NULL,
    posted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    posted_by VARCHAR(100) NOT NULL
);

-- Its written delivery to each remaining supplier, and each acknowledgement.
CREATE TABLE negotiation_notice
(
    change_id    UUID NOT NULL REFERENCES negotiation_change (id),
    supplier_id  UUID NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    PRIMARY KEY (change_id, supplier_id)
);

CREATE TABLE negotiation_acknowledgement
(
    change_id       UUID NOT NULL,
    supplier_id     UUID NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (change_id, supplier_id),
    FOREIGN KEY (change_id, supplier_id) REFERENCES negotiation_notice (change_id, supplier_id)
);

CREATE TABLE negotiation_exclusion
(
    lot_id      UUID         NOT NULL,
    supplier_id UUID         NOT NULL,
    round       INT          NOT NULL,
    reason      TEXT         NOT NULL,
    excluded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    excluded_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (lot_id, supplier_id),
    FOREIGN KEY (lot_id, supplier_id) REFERENCES negotiation_supplier (lot_id, supplier_id)
);

DO
$history$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY ['negotiation_supplier', 'negotiation_message', 'negotiation_change', 'negotiation_notice',
        'negotiation_acknowledgement', 'negotiation_exclusion']
        LOOP
            EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION append_only()',
                           t || '_append_only', t);
            EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION append_only()',
                           t || '_no_truncate', t);
            IF '${runtime_user}' <> current_user THEN
                EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM %I', t, '${runtime_user}');
            END IF;
        END LOOP;
END
$history$;
