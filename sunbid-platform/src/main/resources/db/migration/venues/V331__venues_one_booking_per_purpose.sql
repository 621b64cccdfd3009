-- Issue 20 fix V: a lot holds at most one live booking per purpose (its opening, its evaluation) — moving one is a change
-- of that booking, not a second one; the index decides between concurrent callers.
CREATE UNIQUE INDEX venue_booking_one_per_purpose ON venue_booking (lot_id, purpose) WHERE status <> 'CANCELLED';

-- The log entries about an evaluation booking (room and times) written sealed while the evaluation is confidential
-- (招标投标法 Art. 38), and the public entry disclosing each when the candidates go public.
CREATE TABLE venue_booking_sealed (
    log_seq       BIGINT PRIMARY KEY,
    lot_id        UUID   NOT NULL,
    disclosed_seq BIGINT
);
CREATE INDEX venue_booking_sealed_lot ON venue_booking_sealed (lot_id);
