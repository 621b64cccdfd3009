-- The review of an abnormally low price (异常低价审查, 财政部令第87号 Art. 60; 财库〔2026〕2号 from 2026-02-01): one row per
-- bid the review opened, after the qualification review of a government procurement lot. The supplier explains in
-- writing with its cost evidence (files in the file store, referenced as evaluation.price-explanation:<tender>:<bidder>)
-- by the deadline; the panel's leader records the panel's decision; a review not explained by the deadline lapses
-- (the bid is invalid). The scoring waits until every review is decided. Each step is in the transparency log.
CREATE TABLE evaluation_price_review
(
    tender_id        UUID          NOT NULL REFERENCES evaluation (tender_id),
    bidder_id        UUID          NOT NULL,
    triggers         VARCHAR(100)  NOT NULL, -- comma-separated AbnormalPrice.Trigger names
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline         TIMESTAMP WITH TIME ZONE NOT NULL,
    status           VARCHAR(12)   NOT NULL CHECK (status IN ('REQUESTED', 'EXPLAINED', 'ACCEPTED', 'REJECTED', 'LAPSED')),
    explanation      VARCHAR(4000),
    evidence         TEXT,                    -- canonical JSON [{name, sm3, size}]
    explained_at     TIMESTAMP WITH TIME ZONE,
    explained_by     VARCHAR(64),
    panel_reason     VARCHAR(2000),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decided_by       VARCHAR(64),
    PRIMARY KEY (tender_id, bidder_id)
);

-- Why an evaluation failed (Law 42: no bid qualified; 87号令 Art. 44: fewer than three), shown with the evaluation.
ALTER TABLE evaluation ADD COLUMN failure TEXT;
