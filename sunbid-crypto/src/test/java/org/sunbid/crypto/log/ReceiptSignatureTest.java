package org.sunbid.crypto.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm2;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one receipt check: a receipt signed on its own (before batches) or with its batch is the platform's; each way of
 * failing is named, with the sentence the tools print.
 */
class ReceiptSignatureTest {

    private static final KeyPair PLATFORM = Sm2.generateKeyPair();
    private static final KeyPair OTHER = Sm2.generateKeyPair();
    private static final Instant AT = Instant.parse("2026-12-07T09:29:59.123Z");
    private static final String RECEIPT = "{\"bidId\":\"b1\",\"envelopeSm3\":\"" + "ab".repeat(32) + "\",\"type\":\"sunbid.bid-receipt\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecureRandom random = new SecureRandom();

    private ReceiptBatch.Proof batch(KeyPair signer) {
        return ReceiptBatch.sign(List.of("{\"other\":1}", RECEIPT, "{\"other\":2}"), 64, signer.getPrivate(), AT, random).get(1);
    }

    private static ReceiptBatch.Proof withPath(ReceiptBatch.Proof p, List<String> path) {
        return new ReceiptBatch.Proof(p.leafIndex(), p.width(), path, p.root(), p.signedAt(), p.signature());
    }

    /** As the platform returns a receipt and clients save it. */
    private static JsonNode saved(String receipt, String signature, Object batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receipt", receipt);
        m.put("signature", signature);
        m.put("batch", batch instanceof ReceiptBatch.Proof p ? p.toMap() : batch);
        return JSON.valueToTree(m);
    }

    private static ReceiptSignature check(String receipt, String signature, ReceiptBatch.Proof batch) {
        return ReceiptSignature.check(receipt, signature, batch, PLATFORM.getPublic());
    }

    @Test
    void aReceiptSignedOnItsOwnIsThePlatforms() {
        ReceiptSignature signed = check(RECEIPT, Sm2.signText(PLATFORM.getPrivate(), RECEIPT), null);
        assertTrue(signed.valid());
        assertNull(signed.problem());
        assertNull(signed.batch());
        assertTrue(ReceiptSignature.check(saved(RECEIPT, Sm2.signText(PLATFORM.getPrivate(), RECEIPT), null), PLATFORM.getPublic())
                .valid());
    }

    @Test
    void aReceiptSignedWithItsBatchIsThePlatforms() {
        ReceiptBatch.Proof proof = batch(PLATFORM);
        ReceiptSignature signed = check(RECEIPT, null, proof);
        assertTrue(signed.valid());
        assertSame(proof, signed.batch());
        ReceiptSignature fromJson = ReceiptSignature.check(saved(RECEIPT, null, proof), PLATFORM.getPublic());
        assertTrue(fromJson.valid());
        assertEquals(proof, fromJson.batch());
    }

    @Test
    void aMissingOrWrongOwnSignatureIsNotSigned() {
        for (String signature : new String[] {null, "", "AAAA", "not base64!", Sm2.signText(OTHER.getPrivate(), RECEIPT),
                Sm2.signText(PLATFORM.getPrivate(), RECEIPT + " ")}) {
            ReceiptSignature s = check(RECEIPT, signature, null);
            assertEquals(ReceiptSignature.Failure.NOT_SIGNED, s.failure(), String.valueOf(signature));
            assertEquals("the receipt is not signed by the platform", s.problem());
        }
        assertEquals(ReceiptSignature.Failure.NOT_SIGNED, check(null, Sm2.signText(PLATFORM.getPrivate(), RECEIPT), null).failure());
        assertEquals(ReceiptSignature.Failure.NOT_SIGNED, ReceiptSignature.check(saved(RECEIPT, null, null), PLATFORM.getPublic())
                .failure());
        // the platform's own signature on a changed receipt
        assertEquals(ReceiptSignature.Failure.NOT_SIGNED,
                check(RECEIPT.replace("b1", "b2"), Sm2.signText(PLATFORM.getPrivate(), RECEIPT), null).failure());
    }

    @Test
    void aBatchProofDecidesAloneEvenBesideAValidOwnSignature() {
        ReceiptSignature s = check(RECEIPT, Sm2.signText(PLATFORM.getPrivate(), RECEIPT), batch(OTHER));
        assertEquals(ReceiptSignature.Failure.FORGED_BATCH, s.failure());
    }

    @Test
    void anUnreadableBatchProofIsMalformed() {
        ReceiptBatch.Proof p = batch(PLATFORM);
        Map<String, Object> missingRoot = new LinkedHashMap<>(p.toMap());
        missingRoot.remove("root");
        ReceiptSignature s = ReceiptSignature.check(saved(RECEIPT, null, missingRoot), PLATFORM.getPublic());
        assertEquals(ReceiptSignature.Failure.BATCH_MALFORMED, s.failure());
        assertEquals("the receipt's batch proof is malformed", s.problem());
        assertNull(s.batch());
        assertEquals(ReceiptSignature.Failure.BATCH_MALFORMED, check(RECEIPT, null, new ReceiptBatch.Proof(p.leafIndex(), p.width(),
                p.path(), "zz" + p.root().substring(2), p.signedAt(), p.signature())).failure());
        assertEquals(ReceiptSignature.Failure.BATCH_MALFORMED, check(RECEIPT, null, new ReceiptBatch.Proof(p.leafIndex(), p.width(),
                p.path(), p.root(), "yesterday", p.signature())).failure());
    }

    @Test
    void anImpossibleWidthOrPathLengthIsRefused() {
        ReceiptBatch.Proof p = batch(PLATFORM);
        for (ReceiptBatch.Proof bad : List.of(
                new ReceiptBatch.Proof(p.leafIndex(), 48, p.path(), p.root(), p.signedAt(), p.signature()),
                new ReceiptBatch.Proof(p.leafIndex(), 1, List.of(), p.root(), p.signedAt(), p.signature()),
                new ReceiptBatch.Proof(p.leafIndex(), ReceiptBatch.MAX_WIDTH * 2, p.path(), p.root(), p.signedAt(), p.signature()),
                withPath(p, p.path().subList(0, 5)))) {
            ReceiptSignature s = check(RECEIPT, null, bad);
            assertEquals(ReceiptSignature.Failure.BATCH_IMPOSSIBLE, s.failure());
            assertEquals("the receipt's batch proof has an impossible width or path length", s.problem());
        }
    }

    @Test
    void aPathNodeThatIsNotAHashIsMalformed() {
        ReceiptBatch.Proof p = batch(PLATFORM);
        List<String> path = new ArrayList<>(p.path());
        path.set(3, "abcd");
        ReceiptSignature s = check(RECEIPT, null, withPath(p, path));
        assertEquals(ReceiptSignature.Failure.BATCH_PATH_MALFORMED, s.failure());
        assertEquals("the receipt's batch path is malformed", s.problem());
    }

    @Test
    void aBatchSignedByAnotherKeyOrChangedIsForged() {
        ReceiptSignature s = check(RECEIPT, null, batch(OTHER));
        assertEquals(ReceiptSignature.Failure.FORGED_BATCH, s.failure());
        assertEquals("the receipt's batch is not signed by the platform (forged batch)", s.problem());
        ReceiptBatch.Proof p = batch(PLATFORM);
        assertEquals(ReceiptSignature.Failure.FORGED_BATCH, check(RECEIPT, null, new ReceiptBatch.Proof(p.leafIndex(), p.width(),
                p.path(), p.root(), AT.plusSeconds(1).toString(), p.signature())).failure());
        assertEquals(ReceiptSignature.Failure.FORGED_BATCH, check(RECEIPT, null, new ReceiptBatch.Proof(p.leafIndex(), p.width(),
                p.path(), p.root(), p.signedAt(), "AAAA")).failure());
    }

    @Test
    void aChangedReceiptPathOrIndexIsNotInTheBatch() {
        ReceiptBatch.Proof p = batch(PLATFORM);
        List<String> path = new ArrayList<>(p.path());
        path.set(0, (path.get(0).charAt(0) == '0' ? "1" : "0") + path.get(0).substring(1));
        for (ReceiptSignature s : List.of(check(RECEIPT.replace("b1", "b2"), null, p), check(RECEIPT, null, withPath(p, path)),
                check(RECEIPT, null, new ReceiptBatch.Proof(p.leafIndex() ^ 1, p.width(), p.path(), p.root(), p.signedAt(),
                        p.signature())))) {
            assertEquals(ReceiptSignature.Failure.NOT_IN_BATCH, s.failure());
            assertEquals("the receipt is not in the batch the platform signed (its path does not lead to the signed root)",
                    s.problem());
        }
    }

    @Test
    void aRememberedBatchSignatureIsNotVerifiedAgainButEveryPathIsChecked() {
        List<String> receipts = List.of(RECEIPT, "{\"other\":1}");
        List<ReceiptBatch.Proof> proofs = ReceiptBatch.sign(receipts, 16, PLATFORM.getPrivate(), AT, random);
        Set<String> verified = new HashSet<>();
        assertTrue(ReceiptSignature.check(receipts.get(0), null, proofs.get(0), PLATFORM.getPublic(), verified).valid());
        assertEquals(1, verified.size());
        assertTrue(ReceiptSignature.check(saved(receipts.get(1), null, proofs.get(1)), PLATFORM.getPublic(), verified).valid());
        assertEquals(1, verified.size()); // the same batch
        assertEquals(ReceiptSignature.Failure.NOT_IN_BATCH,
                ReceiptSignature.check(receipts.get(1), null, proofs.get(0), PLATFORM.getPublic(), verified).failure());
        // a forged batch is never remembered
        assertFalse(ReceiptSignature.check(RECEIPT, null, batch(OTHER), PLATFORM.getPublic(), verified).valid());
        assertEquals(1, verified.size());
    }
}
