-- Part D of issue 17: ReserveOpened is published once per lot (with the amount once opened, or with none when bidding
-- ended and no reserve was sealed), also when BiddingEnded is delivered again after a crash.
CREATE TABLE auction_reserve_published
(
    lot_id       UUID PRIMARY KEY,
    reserve_fen  BIGINT,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TRIGGER auction_reserve_published_append_only BEFORE UPDATE OR DELETE ON auction_reserve_published
    FOR EACH ROW EXECUTE FUNCTION append_only();
