-- Issue 16 (part E): the final offers (最后报价) of the methods with negotiation rounds (竞争性谈判 74号令 Art. 31–33,
-- 竞争性磋商 财库〔2014〕214号 Art. 17–21, 单一来源 74号令 Art. 42). Evaluation keeps its own copy of each opened round, taken
-- from sealing's OffersOpened event (never sealing's tables); the panel's leader closes the negotiation and the last
-- round's offers become the prices of the qualified suppliers still in it.
ALTER TABLE evaluation DROP CONSTRAINT evaluation_stage_check;
ALTER TABLE evaluation ADD CONSTRAINT evaluation_stage_check CHECK (stage IN ('QUALIFICATION', 'NEGOTIATION', 'SCORING', 'RANKED',
    'REPORTED', 'PUBLICITY', 'DECISION', 'AWARDED', 'CONTRACTED', 'FAILED'));
-- the round whose offers are final, set when the negotiation is closed (NULL: no rounds, or not closed yet)
ALTER TABLE evaluation ADD COLUMN final_round INT;
ALTER TABLE evaluation ADD COLUMN negotiation_closed_at TIMESTAMPTZ;
ALTER TABLE evaluation ADD COLUMN negotiation_closed_by VARCHAR(100);

CREATE TABLE evaluation_offer (
    lot_id      UUID           NOT NULL,
    round       INT            NOT NULL CHECK (round >= 1),
    bidder_id   UUID           NOT NULL,
    position    INT            NOT NULL,
    price       NUMERIC        NOT NULL,
    price_sheet TEXT           NOT NULL,
    record_sm3  VARCHAR(128)   NOT NULL,
    opened_at   TIMESTAMPTZ    NOT NULL,
    copied_at   TIMESTAMPTZ    NOT NULL,
    created_by  VARCHAR(100)   NOT NULL DEFAULT 'system',
    PRIMARY KEY (lot_id, round, bidder_id)
);
