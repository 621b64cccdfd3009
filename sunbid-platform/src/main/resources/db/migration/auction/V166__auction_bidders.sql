-- Qualified bidders of an auction lot under random bidder numbers (竞买号, issue 17). Who stands behind a number is
-- sealed until bidding ends (国土资源部令第39号 Art. 10; 国资委 财政部令第32号 Art. 22): the identity is SM4-GCM
-- encrypted under the auction vault key (data/keys/auction-vault.key, never in the database), looked up by a keyed
-- SM3 MAC of (lot, organisation), and committed in the public log by the SM3 of its salted canonical JSON at
-- qualification; rows are inserted in random order. Disclosed in public when bidding ends.
CREATE TABLE auction_qualification
(
    lot_id       UUID PRIMARY KEY,
    qualified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    bidders      INT    NOT NULL,
    log_seq      BIGINT NOT NULL
);

CREATE TABLE auction_bidder
(
    lot_id          UUID     NOT NULL REFERENCES auction_qualification (lot_id),
    bidder_number   CHAR(6)  NOT NULL,
    lookup_mac      CHAR(64) NOT NULL,
    sealed_identity BYTEA    NOT NULL,
    commitment      CHAR(64) NOT NULL,
    PRIMARY KEY (lot_id, bidder_number),
    UNIQUE (lot_id, lookup_mac)
);

CREATE TABLE auction_bidders_disclosure
(
    lot_id       UUID PRIMARY KEY REFERENCES auction_qualification (lot_id),
    disclosed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    log_seq      BIGINT NOT NULL
);

CREATE TRIGGER auction_qualification_append_only BEFORE UPDATE OR DELETE ON auction_qualification FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER auction_bidder_append_only BEFORE UPDATE OR DELETE ON auction_bidder FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER auction_bidders_disclosure_append_only BEFORE UPDATE OR DELETE ON auction_bidders_disclosure FOR EACH ROW EXECUTE FUNCTION append_only();
