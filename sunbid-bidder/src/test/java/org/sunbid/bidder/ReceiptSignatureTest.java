package org.sunbid.bidder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool's receipt check: a receipt signed on its own (before batches) or with its batch is the platform's; a forged
 * batch or a changed path is refused, saying why.
 */
class ReceiptSignatureTest {

    private static final Instant T0 = Instant.parse("2026-12-07T01:29:59Z");
    private static final KeyPair PLATFORM_KEYS = Sm2.generateKeyPair();
    private static final X509Certificate PLATFORM = Sm2Certificates.selfSignedRoot("CN=Platform,C=CN", PLATFORM_KEYS,
            T0.minusSeconds(86400), T0.plusSeconds(86400 * 365));
    private static final String RECEIPT = "{\"bidId\":\"b1\",\"type\":\"sunbid.bid-receipt\"}";

    private static JsonNode saved(String signature, ReceiptBatch.Proof batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receipt", RECEIPT);
        m.put("signature", signature);
        m.put("batch", batch == null ? null : batch.toMap());
        return JsonMapper.builder().build().valueToTree(m);
    }

    private static ReceiptBatch.Proof batch(java.security.PrivateKey key) {
        return ReceiptBatch.sign(List.of(RECEIPT), 256, key, T0, new SecureRandom()).get(0);
    }

    @Test
    void acceptsAReceiptSignedOnItsOwnOrWithItsBatch() {
        assertEquals("receipt signed by the platform",
                BidderTool.signedByPlatform(PLATFORM, saved(Sm2.signText(PLATFORM_KEYS.getPrivate(), RECEIPT), null)));
        ReceiptBatch.Proof proof = batch(PLATFORM_KEYS.getPrivate());
        assertTrue(BidderTool.signedByPlatform(PLATFORM, saved(null, proof))
                .startsWith("receipt signed by the platform in batch " + proof.root().substring(0, 16)));
        assertNull(BidderTool.signedByPlatform(PLATFORM, saved(Sm2.signText(Sm2.generateKeyPair().getPrivate(), RECEIPT), null)));
    }

    @Test
    void refusesAForgedBatchAndAChangedPath() {
        BidderTool.Refused forged = assertThrows(BidderTool.Refused.class,
                () -> BidderTool.signedByPlatform(PLATFORM, saved(null, batch(Sm2.generateKeyPair().getPrivate()))));
        assertEquals("the receipt's batch is not signed by the platform (forged batch)", forged.getMessage());
        ReceiptBatch.Proof real = batch(PLATFORM_KEYS.getPrivate());
        List<String> path = new ArrayList<>(real.path());
        path.set(7, (path.get(7).charAt(0) == '0' ? "1" : "0") + path.get(7).substring(1));
        BidderTool.Refused changed = assertThrows(BidderTool.Refused.class, () -> BidderTool.signedByPlatform(PLATFORM,
                saved(null, new ReceiptBatch.Proof(real.leafIndex(), real.width(), path, real.root(), real.signedAt(), real.signature()))));
        assertEquals("the receipt is not in the batch the platform signed (its path does not lead to the signed root)",
                changed.getMessage());
    }
}
