-- Supervision's history of screened lots (issue 19 C): the bid screens of every lot opened with four bids or more
-- (sealing.BidsOpened, a round of sealed offers: sealing.OffersOpened), kept so that each new lot is compared with the
-- quantile fences of comparable lots (kind, region, size band). Only opened prices go in, after the opening; a lot's
-- row is written once (a redelivered event changes nothing). source: 'opening' (this platform) or 'imported' (history
-- brought in from before the platform, e.g. the centre's previous system).
CREATE TABLE supervision_screened_lot (
    lot_id       UUID        NOT NULL,
    round        INT         NOT NULL,            -- 0: the opening of bids; n: the n-th round of sealed offers
    source       TEXT        NOT NULL CHECK (source IN ('opening', 'imported')),
    kind         TEXT        NOT NULL,
    region_code  TEXT        NOT NULL,
    size_band    INT         NOT NULL,
    bids         INT         NOT NULL CHECK (bids >= 4),
    cv           DOUBLE PRECISION,
    spd          DOUBLE PRECISION,
    diffp        DOUBLE PRECISION,
    rd           DOUBLE PRECISION,
    rdnor        DOUBLE PRECISION,
    skewness     DOUBLE PRECISION,
    kurtosis     DOUBLE PRECISION,
    sub3_cv      DOUBLE PRECISION,
    sub4_cv      DOUBLE PRECISION,
    comparable   TEXT        NOT NULL,            -- the group compared with (ComparableLots.Group)
    flagged      TEXT        NOT NULL DEFAULT '', -- the screens flagged, comma-separated
    opened_at    TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (lot_id, round)
);
CREATE INDEX supervision_screened_lot_kind ON supervision_screened_lot (kind, size_band, region_code);

-- The network screen's runs (on demand and daily): who ran it, over how many lots, what it found.
CREATE TABLE supervision_network_run (
    id          UUID        PRIMARY KEY,
    lots        INT         NOT NULL,
    awarded     INT         NOT NULL,
    findings    INT         NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
