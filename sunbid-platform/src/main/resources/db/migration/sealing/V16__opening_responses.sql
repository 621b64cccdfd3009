-- Remote opening (不见面开标): each bidder whose bid was opened confirms the opening record or objects to it online,
-- within a window after the opening; the tenderee answers objections on the spot (Reg. 44).
CREATE TABLE opening_response
(
    tender_id    UUID         NOT NULL REFERENCES bid_opening (tender_id),
    bidder_id    UUID         NOT NULL REFERENCES organisation (id),
    response     VARCHAR(10)  NOT NULL CHECK (response IN ('CONFIRMED', 'OBJECTED')),
    objection    TEXT,
    responded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    responded_by VARCHAR(64)  NOT NULL,
    answer       TEXT,
    answered_at  TIMESTAMP WITH TIME ZONE,
    answered_by  VARCHAR(64),
    PRIMARY KEY (tender_id, bidder_id)
);
