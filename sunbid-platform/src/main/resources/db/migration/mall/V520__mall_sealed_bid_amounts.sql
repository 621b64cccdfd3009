-- issue 22 (session 12): reverse-auction bids and group-purchase quotes sealed at rest. From now on the application
-- stores each amount SM4-GCM encrypted (sealed_price) under a key derived for its competition from a key file outside
-- the database (data/keys/mall-bids.key), and leaves unit_price empty; a database reader sees no amount before the
-- close. Rows stored before this migration keep their plain unit_price (exactly one of the two is set). The tables stay
-- append-only for the application (V470).
ALTER TABLE mall_reverse_bid
    ADD COLUMN sealed_price BYTEA,
    ALTER COLUMN unit_price DROP NOT NULL,
    ADD CONSTRAINT mall_reverse_bid_price_one_form CHECK ((unit_price IS NULL) <> (sealed_price IS NULL));
ALTER TABLE mall_group_quote
    ADD COLUMN sealed_price BYTEA,
    ALTER COLUMN unit_price DROP NOT NULL,
    ADD CONSTRAINT mall_group_quote_price_one_form CHECK ((unit_price IS NULL) <> (sealed_price IS NULL));
