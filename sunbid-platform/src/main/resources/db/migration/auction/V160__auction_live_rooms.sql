-- Part C of issue 17: the live engine. The bids themselves live in the fsync'd journal (data-dir/auction/<lot>.journal)
-- while bidding runs; these tables hold what the engine needs across restarts and the bid list once bidding ended.

-- An auction lot whose room the engine watches (added when applications close), how far its accepted bids are in the
-- transparency log (batched entries), and when bidding ended (set once: BiddingEnded is published with it).
CREATE TABLE auction_room (
    lot_id      uuid PRIMARY KEY,
    region_code varchar(12) NOT NULL,
    logged_seq  bigint NOT NULL DEFAULT 0,
    ended_at    timestamptz,
    bids        bigint
);

-- The accepted bids of an ended room, in order (copied from the journal when bidding ends), for queries and results.
CREATE TABLE auction_bid (
    lot_id        uuid NOT NULL,
    seq           bigint NOT NULL,
    bidder_number varchar(40) NOT NULL,
    amount        bigint NOT NULL,
    received_at   timestamptz NOT NULL,
    phase         varchar(20) NOT NULL,
    PRIMARY KEY (lot_id, seq)
);
