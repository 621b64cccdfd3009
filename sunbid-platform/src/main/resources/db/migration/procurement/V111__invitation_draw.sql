-- Issue 16: the verifiable draw of the suppliers invited to a lot (87号令 Art. 14; 74号令 Art. 12), run like the expert
-- draw: the purchaser commits to a secret (its SM3), the pool is fixed and its hash logged, a tree head is signed, then the
-- secret is revealed and seed = SM3(secret ‖ head root ‖ draw id) ranks the sorted pool (sunbid-crypto's DrawWalk).
-- Everything needed to re-compute the draw is kept here and published once bidding has closed.
CREATE TABLE invitation_draw
(
    id              UUID         PRIMARY KEY,
    tender_id       UUID         NOT NULL UNIQUE,
    region_code     VARCHAR(12)  NOT NULL,
    procedure_code  VARCHAR(40)  NOT NULL,
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('AWAITING_SECRET', 'DRAWN')),
    pool_source     VARCHAR(20)  NOT NULL CHECK (pool_source IN ('DATABASE', 'PREQUALIFIED')),
    draw_count      INT          NOT NULL CHECK (draw_count >= 0),
    pool_json       TEXT         NOT NULL,
    pool_hash       CHAR(64)     NOT NULL,
    pool_seq        BIGINT       NOT NULL,
    recommended_json TEXT        NOT NULL,
    witnesses_json  TEXT         NOT NULL,
    secret_hash     CHAR(64)     NOT NULL,
    head_size       BIGINT       NOT NULL,
    head_root       VARCHAR(128) NOT NULL,
    head_timestamp  TIMESTAMP WITH TIME ZONE NOT NULL,
    head_signature  TEXT         NOT NULL,
    secret_hex      CHAR(64),
    drawn_json      TEXT,
    drawn_at        TIMESTAMP WITH TIME ZONE,
    drawn_by        VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);
