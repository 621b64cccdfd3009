package org.sunbid.crypto.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1) with SM3 as its hash: leaf hashes
 * {@code SM3(0x00 || leaf)}, node hashes {@code SM3(0x01 || left || right)}, the tree over n leaves split at the largest
 * power of two below n. Proof generation asks a {@link Hashes} source for subtree hashes; verification needs nothing
 * but the proof, so a verifier outside the platform can check it.
 */
public final class MerkleTree {

    /** Source of the hash of the subtree over leaves {@code [start, end)}. */
    @FunctionalInterface
    public interface Hashes {
        byte[] subtree(long start, long end);
    }

    private MerkleTree() {
    }

    /** The root of the empty tree: {@code SM3()} of nothing. */
    public static byte[] emptyRoot() {
        return sm3(new byte[0], null, null);
    }

    /** {@code SM3(0x00 || leaf)}. */
    public static byte[] leafHash(byte[] leaf) {
        return sm3(new byte[] {0}, leaf, null);
    }

    /** {@code SM3(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sm3(new byte[] {1}, left, right);
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** Whether {@code n} is a power of two. */
    public static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** The root over {@code leafHashes} (in order), computed directly. */
    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyRoot() : of(leafHashes).subtree(0, leafHashes.size());
    }

    /** Subtree hashes computed from all leaf hashes in memory: for verifiers and tests. */
    public static Hashes of(List<byte[]> leafHashes) {
        return new Hashes() {
            @Override
            public byte[] subtree(long start, long end) {
                if (end - start == 1) {
                    return leafHashes.get((int) start);
                }
                long k = split(end - start);
                return nodeHash(subtree(start, start + k), subtree(start + k, end));
            }
        };
    }

    /**
     * As {@link #of}, but each subtree hash is computed once and kept: for many proofs over one tree (a batch's records
     * disclosed together), where {@link #of} would hash the same subtrees again for every proof. The answers are the
     * same as {@link #of}'s; the source keeps up to n−1 node hashes, so it is for trees that fit in memory anyway, and
     * it is not for concurrent use.
     */
    public static Hashes memoised(List<byte[]> leafHashes) {
        long width = leafHashes.size() + 1L; // start * width + end names each range [start, end) once
        Map<Long, byte[]> known = new HashMap<>();
        return new Hashes() {
            @Override
            public byte[] subtree(long start, long end) {
                if (end - start == 1) {
                    return leafHashes.get((int) start);
                }
                byte[] hash = known.get(start * width + end);
                if (hash == null) { // not computeIfAbsent: the recursion below adds to the map
                    long k = split(end - start);
                    hash = nodeHash(subtree(start, start + k), subtree(start + k, end));
                    known.put(start * width + end, hash);
                }
                return hash;
            }
        };
    }

    /** The audit path (RFC 9162 §2.1.3.1) of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(long index, long size, Hashes hashes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, hashes, path);
        return path;
    }

    private static void path(long m, long start, long end, Hashes hashes, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(m, start, start + k, hashes, out);
            out.add(hashes.subtree(start + k, end));
        } else {
            path(m - k, start + k, end, hashes, out);
            out.add(hashes.subtree(start, start + k));
        }
    }

    /** The consistency proof (RFC 9162 §2.1.4.1) that the tree of {@code first} leaves is a prefix of that of {@code second}. */
    public static List<byte[]> consistencyProof(long first, long second, Hashes hashes) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, hashes, proof);
        }
        return proof;
    }

    private static void subproof(long m, long start, long end, boolean complete, Hashes hashes, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(hashes.subtree(start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, hashes, out);
            out.add(hashes.subtree(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, hashes, out);
            out.add(hashes.subtree(start, start + k));
        }
    }

    /** RFC 9162 §2.1.3.2: whether {@code path} proves that {@code leafHash} is leaf {@code index} of the tree with {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: whether {@code proof} shows the tree ({@code second}, {@code secondRoot}) extends ({@code first}, {@code firstRoot}). */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty(); // the empty tree is a prefix of every tree
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>();
        if (isPowerOfTwo(first)) {
            path.add(firstRoot);
        }
        path.addAll(proof);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static byte[] sm3(byte[] prefix, byte[] a, byte[] b) {
        SM3Digest digest = new SM3Digest();
        digest.update(prefix, 0, prefix.length);
        if (a != null) {
            digest.update(a, 0, a.length);
        }
        if (b != null) {
            digest.update(b, 0, b.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
