-- Receipts are signed per batch (issue 21): one SM2 signature over the root of a fixed-width Merkle tree of receipts,
-- each receipt keeping its proof (leaf index, path, root, signedAt, the batch signature) as canonical JSON beside it.
-- A receipt issued before keeps its own signature; a batch-signed one has no signature of its own.
ALTER TABLE bid_envelope_received ADD COLUMN receipt_batch TEXT;
ALTER TABLE bid_envelope_received ALTER COLUMN receipt_signature DROP NOT NULL;
ALTER TABLE bid_envelope_received ADD CONSTRAINT bid_envelope_received_receipt_signed
    CHECK (receipt_signature IS NOT NULL OR receipt_batch IS NOT NULL);

ALTER TABLE bid_withdrawal ADD COLUMN receipt_batch TEXT;
ALTER TABLE bid_withdrawal ALTER COLUMN receipt_signature DROP NOT NULL;
ALTER TABLE bid_withdrawal ADD CONSTRAINT bid_withdrawal_receipt_signed
    CHECK (receipt_signature IS NOT NULL OR receipt_batch IS NOT NULL);

ALTER TABLE offer_envelope ADD COLUMN receipt_batch TEXT;
ALTER TABLE offer_envelope ALTER COLUMN receipt_signature DROP NOT NULL;
ALTER TABLE offer_envelope ADD CONSTRAINT offer_envelope_receipt_signed
    CHECK (receipt_signature IS NOT NULL OR receipt_batch IS NOT NULL);
