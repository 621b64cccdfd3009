-- Supervision's own record of the platform's awards (evaluation.LotAwarded, issue 15): the split-purchase check
-- (政府采购法实施条例 Art. 28) counts a lot at its awarded price and date once it is awarded, its budget before.
CREATE TABLE supervision_platform_award (
    tender_id   UUID PRIMARY KEY,
    winner_id   UUID NOT NULL,
    price       NUMERIC(18, 2),
    awarded_at  TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
