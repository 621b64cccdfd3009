-- Issue 16: the invitation list of a tender whose procedure is by invitation only (INVITATION_ONLY: 邀请招标 法 Art. 34,
-- 谈判/询价 74号令 Art. 12, 磋商 财库〔2014〕214号 Art. 6, 单一来源 法 Art. 39). Only an invited supplier may register, and so
-- deposit and bid. Append-only: an invitation, once sent, is a fact; who sent it and how (drawn, recommended) is kept.
CREATE TABLE tender_invitation
(
    tender_id   UUID        NOT NULL REFERENCES tender (id),
    supplier_id UUID        NOT NULL REFERENCES organisation (id),
    source      VARCHAR(20) NOT NULL CHECK (source IN ('DRAWN', 'RECOMMENDED', 'PREQUALIFIED', 'DIRECT')),
    reference   VARCHAR(100),
    invited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    invited_by  VARCHAR(64) NOT NULL,
    logged_seq  BIGINT      NOT NULL, -- the sealed log entry that recorded it, disclosed when bidding closes
    PRIMARY KEY (tender_id, supplier_id)
);
CREATE INDEX tender_invitation_supplier_idx ON tender_invitation (supplier_id);
CREATE TRIGGER tender_invitation_append_only BEFORE UPDATE OR DELETE ON tender_invitation
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER tender_invitation_no_truncate BEFORE TRUNCATE ON tender_invitation
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
