package org.sunbid.crypto.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm2;

/** Receipts signed per batch: a receipt verifies with its proof; any change to the receipt, path, index or batch fails. */
class ReceiptBatchTest {

    private static final KeyPair PLATFORM = Sm2.generateKeyPair();
    private static final Instant AT = Instant.parse("2026-12-07T09:29:59.123Z");
    private final SecureRandom random = new SecureRandom();

    private static List<String> receipts(int n) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add("{\"bidId\":\"b" + i + "\",\"type\":\"sunbid.bid-receipt\"}");
        }
        return r;
    }

    @Test
    void everyReceiptOfABatchVerifiesWithThePlatformKey() {
        List<String> receipts = receipts(5);
        List<ReceiptBatch.Proof> proofs = ReceiptBatch.sign(receipts, 16, PLATFORM.getPrivate(), AT, random);
        Set<Integer> indexes = new HashSet<>();
        for (int i = 0; i < receipts.size(); i++) {
            ReceiptBatch.Proof p = proofs.get(i);
            assertNull(ReceiptBatch.check(receipts.get(i), p, PLATFORM.getPublic()));
            assertEquals(16, p.width());
            assertEquals(4, p.path().size());
            assertEquals(proofs.get(0).root(), p.root());
            assertEquals(proofs.get(0).signature(), p.signature());
            indexes.add(p.leafIndex());
        }
        assertEquals(5, indexes.size()); // distinct positions
    }

    @Test
    void aSingleReceiptAndAFullBatchBothVerify() {
        List<String> one = receipts(1);
        assertTrue(ReceiptBatch.verify(one.get(0), ReceiptBatch.sign(one, 256, PLATFORM.getPrivate(), AT, random).get(0),
                PLATFORM.getPublic()));
        List<String> full = receipts(8);
        List<ReceiptBatch.Proof> proofs = ReceiptBatch.sign(full, 8, PLATFORM.getPrivate(), AT, random);
        for (int i = 0; i < 8; i++) {
            assertTrue(ReceiptBatch.verify(full.get(i), proofs.get(i), PLATFORM.getPublic()));
        }
        assertThrows(IllegalArgumentException.class, () -> ReceiptBatch.build(receipts(9), 8, random));
        assertThrows(IllegalArgumentException.class, () -> ReceiptBatch.build(receipts(1), 12, random));
    }

    @Test
    void aFullBatchIsTheRfc9162TreeOfItsReceiptsInPositionOrder() {
        List<String> receipts = receipts(16);
        ReceiptBatch.Built built = ReceiptBatch.build(receipts, 16, random);
        byte[][] leaves = new byte[16][];
        for (int i = 0; i < 16; i++) {
            leaves[built.indexes()[i]] = ReceiptBatch.leafHash(receipts.get(i));
        }
        assertArrayEquals(MerkleTree.root(List.of(leaves)), built.root());
    }

    @Test
    void theSameBatchSizeGivesUnrelatedPositionsAndPaddingEachTime() {
        // the position of a lone receipt is not always 0: the index says nothing of how many arrived together
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.add(ReceiptBatch.build(receipts(1), 256, random).indexes()[0]);
        }
        assertTrue(seen.size() > 30, "positions " + seen);
    }

    @Test
    void aChangedReceiptFails() {
        List<String> receipts = receipts(3);
        ReceiptBatch.Proof p = ReceiptBatch.sign(receipts, 64, PLATFORM.getPrivate(), AT, random).get(1);
        assertFalse(ReceiptBatch.verify(receipts.get(1).replace("b1", "b9"), p, PLATFORM.getPublic()));
        assertFalse(ReceiptBatch.verify(receipts.get(0), p, PLATFORM.getPublic())); // another receipt of the same batch
    }

    @Test
    void aChangedPathFails() {
        String receipt = receipts(1).get(0);
        ReceiptBatch.Proof p = ReceiptBatch.sign(List.of(receipt), 64, PLATFORM.getPrivate(), AT, random).get(0);
        List<String> path = new ArrayList<>(p.path());
        char c = path.get(2).charAt(0);
        path.set(2, (c == '0' ? '1' : '0') + path.get(2).substring(1));
        ReceiptBatch.Proof changed = new ReceiptBatch.Proof(p.leafIndex(), p.width(), path, p.root(), p.signedAt(), p.signature());
        assertEquals("the receipt is not in the batch the platform signed (its path does not lead to the signed root)",
                ReceiptBatch.check(receipt, changed, PLATFORM.getPublic()));
        ReceiptBatch.Proof shorter = new ReceiptBatch.Proof(p.leafIndex(), p.width(), p.path().subList(0, 5), p.root(),
                p.signedAt(), p.signature());
        assertFalse(ReceiptBatch.verify(receipt, shorter, PLATFORM.getPublic()));
    }

    @Test
    void anotherIndexFails() {
        String receipt = receipts(1).get(0);
        ReceiptBatch.Proof p = ReceiptBatch.sign(List.of(receipt), 64, PLATFORM.getPrivate(), AT, random).get(0);
        for (int other : new int[] {p.leafIndex() ^ 1, p.leafIndex() ^ 32, 64, -1}) {
            assertFalse(ReceiptBatch.verify(receipt, new ReceiptBatch.Proof(other, p.width(), p.path(), p.root(), p.signedAt(),
                    p.signature()), PLATFORM.getPublic()), "index " + other);
        }
    }

    @Test
    void aForgedBatchFails() {
        String receipt = receipts(1).get(0);
        // a batch built and signed by someone else's key, with a valid path to its root
        ReceiptBatch.Proof forged = ReceiptBatch.sign(List.of(receipt), 64, Sm2.generateKeyPair().getPrivate(), AT, random).get(0);
        assertEquals("the receipt's batch is not signed by the platform (forged batch)",
                ReceiptBatch.check(receipt, forged, PLATFORM.getPublic()));
        // the platform's real batch with its root, width or time changed
        ReceiptBatch.Proof p = ReceiptBatch.sign(List.of(receipt), 64, PLATFORM.getPrivate(), AT, random).get(0);
        String otherRoot = (p.root().charAt(0) == 'a' ? "b" : "a") + p.root().substring(1);
        assertFalse(ReceiptBatch.verify(receipt, new ReceiptBatch.Proof(p.leafIndex(), p.width(), p.path(), otherRoot,
                p.signedAt(), p.signature()), PLATFORM.getPublic()));
        assertFalse(ReceiptBatch.verify(receipt, new ReceiptBatch.Proof(p.leafIndex(), p.width(), p.path(), p.root(),
                AT.plusSeconds(1).toString(), p.signature()), PLATFORM.getPublic()));
        assertFalse(ReceiptBatch.verify(receipt, new ReceiptBatch.Proof(p.leafIndex(), 128, p.path(), p.root(),
                p.signedAt(), p.signature()), PLATFORM.getPublic()));
        assertFalse(ReceiptBatch.verify(receipt, new ReceiptBatch.Proof(p.leafIndex(), p.width(), p.path(), p.root(),
                p.signedAt(), "AAAA"), PLATFORM.getPublic()));
    }

    @Test
    void theProofRoundTripsThroughItsJson() {
        String receipt = receipts(1).get(0);
        ReceiptBatch.Proof p = ReceiptBatch.sign(List.of(receipt), 32, PLATFORM.getPrivate(), AT, random).get(0);
        ReceiptBatch.Proof back = ReceiptBatch.Proof.parse(p.toJson());
        assertEquals(p, back);
        assertTrue(ReceiptBatch.verify(receipt, back, PLATFORM.getPublic()));
        assertTrue(p.statement().startsWith("{\"root\":\"" + p.root() + "\",\"signedAt\":\"2026-12-07T09:29:59.123Z\""));
        assertThrows(IllegalArgumentException.class, () -> ReceiptBatch.Proof.parse("{\"leafIndex\":\"x\"}"));
    }
}
