-- issue 16: a complaint's suspension of the lot (政府采购法 Art. 57, 94号令 Art. 28; 招标投标法实施条例 Art. 62), a cause
-- independent of the objections' (tender.suspended_at). One row per suspension; lifting it early (or the decision)
-- sets its end to that moment. While one is in force no bid, response or final offer is accepted.
CREATE TABLE tender_complaint_suspension (
    tender_id      UUID NOT NULL REFERENCES tender (id),
    complaint_id   UUID NOT NULL,
    from_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    until_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    moves_deadline BOOLEAN NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(64) NOT NULL,
    PRIMARY KEY (tender_id, complaint_id, from_at),
    CHECK (until_at >= from_at) -- lifted the instant it began: it lasted nothing
);
