-- How many of a tender's opening-key custodians must act together, per region (maintained data, like the calendar).
-- A tender takes the policy of its region or of the nearest region above it that has one; without any, the
-- platform's default (sunbid.sealing.threshold, 2).
CREATE TABLE opening_key_policy
(
    region_code VARCHAR(12) PRIMARY KEY REFERENCES region (code),
    threshold   INT         NOT NULL CHECK (threshold >= 2),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64) NOT NULL
);
