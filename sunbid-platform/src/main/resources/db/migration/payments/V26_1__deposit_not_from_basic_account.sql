-- Reg. 26: a cash deposit paid from any account but the bidder's registered basic account is not accepted as the
-- deposit; it goes back to the payer with its own reason.
ALTER TABLE bank_payment DROP CONSTRAINT bank_payment_outcome_check;
ALTER TABLE bank_payment ADD CONSTRAINT bank_payment_outcome_check
    CHECK (outcome IN ('CREDITED', 'WRONG_AMOUNT', 'LATE', 'UNKNOWN_ACCOUNT', 'DUPLICATE', 'NOT_BASIC_ACCOUNT'));
ALTER TABLE refund_instruction DROP CONSTRAINT refund_instruction_reason_check;
ALTER TABLE refund_instruction ADD CONSTRAINT refund_instruction_reason_check
    CHECK (reason IN ('WRONG_AMOUNT', 'LATE', 'UNKNOWN_ACCOUNT', 'DUPLICATE', 'NOT_BASIC_ACCOUNT', 'NOT_AWARDED',
                      'AWARDED_CONTRACT_SIGNED'));
