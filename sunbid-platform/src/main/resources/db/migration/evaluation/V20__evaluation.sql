-- Electronic evaluation (电子评标), candidate publicity (中标候选人公示) and award (定标).

-- The tender's evaluation plan (评标办法), part of its documents: criteria as data, the price formula with the published
-- range of K, the tie rule, the extreme-score threshold and whether the project is state-funded (Reg. 55).
CREATE TABLE evaluation_plan
(
    tender_id    UUID        PRIMARY KEY REFERENCES tender (id),
    plan         TEXT        NOT NULL, -- canonical JSON
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by       VARCHAR(64) NOT NULL,
    log_seq      BIGINT      NOT NULL
);

-- One evaluation per tender, by its seated committee.
CREATE TABLE evaluation
(
    tender_id        UUID        PRIMARY KEY REFERENCES tender (id),
    draw_id          UUID        NOT NULL REFERENCES expert_draw (id),
    stage            VARCHAR(20) NOT NULL CHECK (stage IN ('QUALIFICATION', 'SCORING', 'RANKED', 'REPORTED', 'PUBLICITY',
                                                          'AWARDED', 'CONTRACTED', 'FAILED')),
    plan             TEXT        NOT NULL, -- the plan as it stood at the start
    k                NUMERIC(8, 6),        -- K drawn from the opening record (benchmark price only)
    leader           VARCHAR(64),
    leader_by        VARCHAR(20) CHECK (leader_by IN ('ELECTED', 'APPOINTED')),
    qualification    TEXT,                 -- canonical JSON: each bid's result once every member reviewed
    price_scores     TEXT,                 -- canonical JSON: each qualified bid's price and computed score
    ranking          TEXT,                 -- canonical JSON: ranked bids, candidates, extreme scores
    report_sm3       CHAR(64),
    report_seq       BIGINT,
    report_at        TIMESTAMP WITH TIME ZONE,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by       VARCHAR(64) NOT NULL,
    version          INT         NOT NULL DEFAULT 0
);

CREATE TABLE evaluation_member
(
    tender_id  UUID         NOT NULL REFERENCES evaluation (tender_id),
    username   VARCHAR(64)  NOT NULL,
    account_id UUID         NOT NULL REFERENCES account (id),
    expert_id  UUID         NOT NULL REFERENCES expert (id),
    name       VARCHAR(100) NOT NULL,
    specialty  VARCHAR(100) NOT NULL,
    position   INT          NOT NULL,
    PRIMARY KEY (tender_id, username)
);

CREATE TABLE evaluation_leader_vote
(
    tender_id UUID        NOT NULL REFERENCES evaluation (tender_id),
    voter     VARCHAR(64) NOT NULL,
    candidate VARCHAR(64) NOT NULL,
    voted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tender_id, voter)
);

-- Each member's qualification and compliance review (pass/fail per bid and item, a reason for each fail), once.
CREATE TABLE evaluation_review
(
    tender_id    UUID        NOT NULL REFERENCES evaluation (tender_id),
    member       VARCHAR(64) NOT NULL,
    votes        TEXT        NOT NULL, -- canonical JSON {bidderId: {itemCode: {pass, reason}}}
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tender_id, member)
);

-- Each member's scores (criterion by criterion for every qualified bid) and written reasons, once.
CREATE TABLE evaluation_score_sheet
(
    tender_id    UUID        NOT NULL REFERENCES evaluation (tender_id),
    member       VARCHAR(64) NOT NULL,
    scores       TEXT        NOT NULL, -- canonical JSON {bidderId: {criterionCode: score}}
    reasons      TEXT        NOT NULL, -- canonical JSON {bidderId: reason}
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tender_id, member)
);

-- Each member's signature over the report's SM3 with their personal certificate.
CREATE TABLE evaluation_report_signature
(
    tender_id       UUID        NOT NULL REFERENCES evaluation (tender_id),
    member          VARCHAR(64) NOT NULL,
    certificate_pem TEXT        NOT NULL,
    signature       TEXT        NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    log_seq         BIGINT      NOT NULL,
    PRIMARY KEY (tender_id, member)
);

-- Candidate publicity (Reg. 54): at least 3 days from the signed report.
CREATE TABLE candidate_publicity
(
    tender_id  UUID   PRIMARY KEY REFERENCES evaluation (tender_id),
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    log_seq    BIGINT NOT NULL
);

-- Objections to the candidates during publicity; the award waits until each is answered (Reg. 54).
CREATE TABLE award_objection
(
    id              UUID         PRIMARY KEY,
    tender_id       UUID         NOT NULL REFERENCES evaluation (tender_id),
    organisation_id UUID         NOT NULL REFERENCES organisation (id),
    raised_by       VARCHAR(64)  NOT NULL,
    text            VARCHAR(4000) NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    answer_due      TIMESTAMP WITH TIME ZONE NOT NULL,
    answer          VARCHAR(4000),
    answered_at     TIMESTAMP WITH TIME ZONE,
    answered_by     VARCHAR(64)
);
CREATE INDEX award_objection_tender ON award_objection (tender_id);

-- The award (定标), its platform-signed notice, and the contract (Law 46: within 30 days of the notice).
CREATE TABLE award
(
    tender_id          UUID         PRIMARY KEY REFERENCES evaluation (tender_id),
    winner_id          UUID         NOT NULL REFERENCES organisation (id),
    notice             TEXT         NOT NULL, -- canonical JSON
    notice_signature   TEXT         NOT NULL,
    awarded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    awarded_by         VARCHAR(64)  NOT NULL,
    contract_due       TIMESTAMP WITH TIME ZONE NOT NULL,
    contract_signed_at TIMESTAMP WITH TIME ZONE,
    contract_sm3       CHAR(64),
    reminded_at        TIMESTAMP WITH TIME ZONE,
    overdue_flagged_at TIMESTAMP WITH TIME ZONE,
    log_seq            BIGINT       NOT NULL
);
