package org.sunbid.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.log.ReceiptBatch;

import tools.jackson.databind.JsonNode;

/**
 * {@code check-receipt}'s first step: the saved receipt is the platform's, signed on its own (before batches) or with
 * its batch; a forged batch, a changed path, another index or a changed receipt is refused, saying why.
 */
class ReceiptSignatureTest {

    private static final Instant T0 = Instant.parse("2026-12-07T01:29:59Z");
    private static final KeyPair PLATFORM_KEYS = Sm2.generateKeyPair();
    private static final X509Certificate PLATFORM = Sm2Certificates.selfSignedRoot("CN=Platform,C=CN", PLATFORM_KEYS,
            T0.minusSeconds(86400), T0.plusSeconds(86400 * 365));
    private static final String RECEIPT = "{\"bidId\":\"b1\",\"envelopeSm3\":\"" + "ab".repeat(32) + "\",\"type\":\"sunbid.bid-receipt\"}";

    private static JsonNode saved(String receipt, String signature, ReceiptBatch.Proof batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receipt", receipt);
        m.put("signature", signature);
        m.put("batch", batch == null ? null : batch.toMap());
        return LogClient.json().valueToTree(m);
    }

    private static ReceiptBatch.Proof batch(java.security.PrivateKey key) {
        return ReceiptBatch.sign(List.of("{\"other\":1}", RECEIPT, "{\"other\":2}"), 256, key, T0, new SecureRandom()).get(1);
    }

    @Test
    void aReceiptSignedOnItsOwnOrWithItsBatchIsThePlatforms() {
        assertNull(OpeningCheck.receiptUnsigned(saved(RECEIPT, Sm2.signText(PLATFORM_KEYS.getPrivate(), RECEIPT), null), PLATFORM));
        assertNull(OpeningCheck.receiptUnsigned(saved(RECEIPT, null, batch(PLATFORM_KEYS.getPrivate())), PLATFORM));
    }

    @Test
    void aForgedBatchOrAChangedProofIsRefusedSayingWhy() {
        assertEquals("the receipt's batch is not signed by the platform (forged batch)",
                OpeningCheck.receiptUnsigned(saved(RECEIPT, null, batch(Sm2.generateKeyPair().getPrivate())), PLATFORM));
        ReceiptBatch.Proof real = batch(PLATFORM_KEYS.getPrivate());
        List<String> path = new ArrayList<>(real.path());
        path.set(0, (path.get(0).charAt(0) == '0' ? "1" : "0") + path.get(0).substring(1));
        String notInBatch = "the receipt is not in the batch the platform signed (its path does not lead to the signed root)";
        assertEquals(notInBatch, OpeningCheck.receiptUnsigned(saved(RECEIPT, null, new ReceiptBatch.Proof(real.leafIndex(),
                real.width(), path, real.root(), real.signedAt(), real.signature())), PLATFORM));
        assertEquals(notInBatch, OpeningCheck.receiptUnsigned(saved(RECEIPT, null, new ReceiptBatch.Proof(real.leafIndex() ^ 2,
                real.width(), real.path(), real.root(), real.signedAt(), real.signature())), PLATFORM));
        assertEquals(notInBatch, OpeningCheck.receiptUnsigned(saved(RECEIPT.replace("b1", "b2"), null, real), PLATFORM));
        assertEquals("the receipt is not signed by the platform",
                OpeningCheck.receiptUnsigned(saved(RECEIPT, Sm2.signText(Sm2.generateKeyPair().getPrivate(), RECEIPT), null), PLATFORM));
        assertEquals("the receipt is not signed by the platform", OpeningCheck.receiptUnsigned(saved(RECEIPT, null, null), PLATFORM));
    }
}
