package org.sunbid.crypto.draw;

import java.util.Arrays;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * A deterministic random bit generator from SM3 in counter mode: block i = SM3(seed ‖ i), i a 64-bit big-endian
 * counter from 0. Anyone holding the seed reproduces the same stream, which is what makes a draw verifiable; nobody
 * can steer it without choosing the seed, which the draw protocol prevents (the seed mixes a secret committed in
 * advance with a log head that did not exist when the secret was committed).
 */
public final class Sm3Drbg {

    private final byte[] seed;
    private long counter;
    private final byte[] block = new byte[32];
    private int used = 32;

    public Sm3Drbg(byte[] seed) {
        if (seed == null || seed.length == 0) {
            throw new IllegalArgumentException("a seed is needed");
        }
        this.seed = seed.clone();
    }

    /** The next byte of the stream. */
    public int nextByte() {
        if (used == block.length) {
            SM3Digest digest = new SM3Digest();
            digest.update(seed, 0, seed.length);
            for (int shift = 56; shift >= 0; shift -= 8) {
                digest.update((byte) (counter >>> shift));
            }
            digest.doFinal(block, 0);
            counter++;
            used = 0;
        }
        return block[used++] & 0xff;
    }

    /** The next 64 bits of the stream, big-endian, as a non-negative long (63 bits). */
    public long nextLong63() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | nextByte();
        }
        return v >>> 1;
    }

    /**
     * A uniform integer in [0, bound), by rejection sampling (no modulo bias): draws 63-bit values and rejects those in
     * the incomplete last interval.
     */
    public long nextBelow(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound); // values >= limit would favour small results
        while (true) {
            long v = nextLong63();
            if (v < limit) {
                return v % bound;
            }
        }
    }

    @Override
    public String toString() {
        return "Sm3Drbg[counter " + counter + "]"; // never the seed
    }

    byte[] seedForTest() {
        return Arrays.copyOf(seed, seed.length);
    }
}
