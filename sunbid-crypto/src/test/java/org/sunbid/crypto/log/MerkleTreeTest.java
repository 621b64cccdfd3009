package org.sunbid.crypto.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm3;

/** RFC 9162 Merkle tree with SM3: proofs are generated and verified for every tree size and position up to 64. */
class MerkleTreeTest {

    private static final int MAX = 64;
    private final List<byte[]> leaves = new ArrayList<>();

    MerkleTreeTest() {
        for (int i = 0; i < MAX; i++) {
            leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private List<byte[]> first(int n) {
        return leaves.subList(0, n);
    }

    @Test
    void domainSeparatesLeavesFromNodes() {
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        assertEquals(Sm3.hex(new byte[] {0, 'x'}), HexFormat.of().formatHex(MerkleTree.leafHash(data)));
        assertEquals(Sm3.hex(new byte[0]), HexFormat.of().formatHex(MerkleTree.emptyRoot()));
        byte[] a = leaves.get(0);
        byte[] b = leaves.get(1);
        byte[] joined = new byte[65];
        joined[0] = 1;
        System.arraycopy(a, 0, joined, 1, 32);
        System.arraycopy(b, 0, joined, 33, 32);
        assertArrayEquals(Sm3.hash(joined), MerkleTree.nodeHash(a, b));
    }

    @Test
    void rootFollowsTheRfcSplit() {
        // Five leaves: MTH = H(H(H(l0,l1),H(l2,l3)), l4)
        byte[] expected = MerkleTree.nodeHash(
                MerkleTree.nodeHash(MerkleTree.nodeHash(leaves.get(0), leaves.get(1)), MerkleTree.nodeHash(leaves.get(2), leaves.get(3))),
                leaves.get(4));
        assertArrayEquals(expected, MerkleTree.root(first(5)));
        assertArrayEquals(leaves.get(0), MerkleTree.root(first(1)));
    }

    @Test
    void everyInclusionProofVerifiesAndNoWrongOneDoes() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = MerkleTree.root(first(n));
            MerkleTree.Hashes hashes = MerkleTree.of(first(n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionProof(m, n, hashes);
                assertTrue(MerkleTree.verifyInclusion(leaves.get(m), m, n, path, root), "leaf " + m + " of " + n);
                assertFalse(MerkleTree.verifyInclusion(leaves.get((m + 1) % MAX), m, n, path, root), "wrong leaf " + m + " of " + n);
                if (n > 1) {
                    assertFalse(MerkleTree.verifyInclusion(leaves.get(m), (m + 1) % n, n, path, root), "wrong index " + m + " of " + n);
                    List<byte[]> tampered = new ArrayList<>(path);
                    byte[] flipped = tampered.get(0).clone();
                    flipped[0] ^= 1;
                    tampered.set(0, flipped);
                    assertFalse(MerkleTree.verifyInclusion(leaves.get(m), m, n, tampered, root));
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoWrongOneDoes() {
        for (int n = 1; n <= MAX; n++) {
            byte[] secondRoot = MerkleTree.root(first(n));
            MerkleTree.Hashes hashes = MerkleTree.of(first(n));
            for (int m = 0; m <= n; m++) {
                byte[] firstRoot = m == 0 ? MerkleTree.emptyRoot() : MerkleTree.root(first(m));
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, hashes);
                assertTrue(MerkleTree.verifyConsistency(m, n, firstRoot, secondRoot, proof), m + " -> " + n);
                if (m > 0 && m < n) {
                    byte[] otherFirst = MerkleTree.root(leaves.subList(1, m + 1)); // a different history of size m
                    assertFalse(MerkleTree.verifyConsistency(m, n, otherFirst, secondRoot, proof), "rewritten " + m + " -> " + n);
                    assertFalse(MerkleTree.verifyConsistency(m, n, firstRoot, MerkleTree.root(leaves.subList(1, n + 1 > MAX ? MAX : n + 1)), proof));
                }
            }
        }
    }

    @Test
    void aMemoisedTreeAnswersAsTheDirectOne() {
        for (int n = 1; n <= MAX; n++) {
            MerkleTree.Hashes direct = MerkleTree.of(first(n));
            MerkleTree.Hashes memoised = MerkleTree.memoised(first(n));
            for (int round = 0; round < 2; round++) { // the second round answers from what the first kept
                for (int m = 0; m < n; m++) {
                    assertHashesEqual(MerkleTree.inclusionProof(m, n, direct), MerkleTree.inclusionProof(m, n, memoised));
                }
                for (int m = 0; m <= n; m++) {
                    assertHashesEqual(MerkleTree.consistencyProof(m, n, direct), MerkleTree.consistencyProof(m, n, memoised));
                }
                for (int start = 0; start < n && n <= 16; start++) { // any range, not only a proof's (small trees)
                    for (int end = start + 1; end <= n; end++) {
                        assertArrayEquals(direct.subtree(start, end), memoised.subtree(start, end), start + ".." + end);
                    }
                }
                assertArrayEquals(MerkleTree.root(first(n)), memoised.subtree(0, n));
            }
        }
    }

    private static void assertHashesEqual(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
    }

    @Test
    void proofsAreLogarithmic() {
        MerkleTree.Hashes hashes = MerkleTree.of(first(MAX));
        assertEquals(6, MerkleTree.inclusionProof(17, 64, hashes).size());
        assertTrue(MerkleTree.consistencyProof(37, 64, hashes).size() <= 2 * 6);
    }
}
