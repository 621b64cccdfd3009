package org.sunbid.sealing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm2;

class WithdrawalTest {

    private final Withdrawal withdrawal = new Withdrawal(UUID.fromString("7d0f2b5e-3c1a-4b8e-9f00-0123456789ab"),
            "a".repeat(64), Instant.parse("2026-12-01T08:00:00Z"), "91320100MA1TEST01X");

    @Test
    void theSignedStatementNamesTenderEnvelopeTimeAndBidderAndVerifiesOnlyWithTheSignersKey() {
        KeyPair bidder = Sm2.generateKeyPair();
        String signature = withdrawal.sign(bidder.getPrivate());
        assertEquals("{\"bidderCreditCode\":\"91320100MA1TEST01X\",\"envelopeSm3\":\"" + "a".repeat(64)
                + "\",\"tenderId\":\"7d0f2b5e-3c1a-4b8e-9f00-0123456789ab\",\"type\":\"sunbid.bid-withdrawal\","
                + "\"withdrawnAt\":\"2026-12-01T08:00:00Z\"}", withdrawal.statement());
        assertTrue(withdrawal.verify(bidder.getPublic(), signature));
        assertFalse(withdrawal.verify(Sm2.generateKeyPair().getPublic(), signature));
        assertFalse(withdrawal.verify(bidder.getPublic(), "not base64!"));
        Withdrawal other = new Withdrawal(withdrawal.tenderId(), "b".repeat(64), withdrawal.withdrawnAt(), withdrawal.bidderCreditCode());
        assertFalse(other.verify(bidder.getPublic(), signature));
    }

    @Test
    void onlyTheCanonicalStatementIsRead() {
        assertEquals(withdrawal, Withdrawal.parse(withdrawal.statement()));
        assertThrows(IllegalArgumentException.class, () -> Withdrawal.parse(withdrawal.statement() + " "));
        assertThrows(IllegalArgumentException.class,
                () -> Withdrawal.parse(withdrawal.statement().replace("sunbid.bid-withdrawal", "x")));
        assertThrows(IllegalArgumentException.class, () -> Withdrawal.parse("{}"));
        assertThrows(IllegalArgumentException.class, () -> Withdrawal.parse("nonsense"));
    }
}
