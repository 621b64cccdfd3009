package org.sunbid.sealing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shamir secret sharing over GF(2^8) (the AES field, x^8 + x^4 + x^3 + x + 1), byte by byte: a secret is split into
 * {@code n} shares of which any {@code k} rebuild it and any {@code k - 1} say nothing about it. Used to split a
 * tender's opening key among its custodians so that no single party can open a bid early.
 */
public final class Shamir {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x ^= (x << 1) ^ ((x & 0x80) != 0 ? 0x11b : 0); // multiply by the generator 3
            x &= 0xff;
        }
        for (int i = 255; i < 512; i++) {
            EXP[i] = EXP[i - 255];
        }
    }

    private Shamir() {
    }

    /**
     * One share: its index (the x coordinate, 1 to 255), the threshold it was made for, and its value (one byte per
     * byte of the secret).
     */
    public record Share(int index, int threshold, byte[] value) {

        public Share {
            if (index < 1 || index > 255 || threshold < 2 || threshold > 255 || value == null || value.length == 0) {
                throw new IllegalArgumentException("not a share");
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Share s && s.index == index && s.threshold == threshold && Arrays.equals(s.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * index + threshold) + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Share[" + index + " of threshold " + threshold + "]"; // never the value
        }
    }

    /** Splits {@code secret} into {@code n} shares, any {@code k} of which rebuild it (2 ≤ k ≤ n ≤ 255). */
    public static List<Share> split(byte[] secret, int n, int k) {
        if (k < 2 || k > n || n > 255 || secret.length == 0) {
            throw new IllegalArgumentException("need 2 <= k <= n <= 255 and a non-empty secret");
        }
        byte[][] values = new byte[n][secret.length];
        byte[] coefficients = new byte[k];
        for (int b = 0; b < secret.length; b++) {
            coefficients[0] = secret[b];
            byte[] random = new byte[k - 1];
            RANDOM.nextBytes(random);
            System.arraycopy(random, 0, coefficients, 1, k - 1);
            for (int i = 0; i < n; i++) {
                values[i][b] = (byte) evaluate(coefficients, i + 1);
            }
        }
        Arrays.fill(coefficients, (byte) 0);
        List<Share> shares = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shares.add(new Share(i + 1, k, values[i]));
            Arrays.fill(values[i], (byte) 0);
        }
        return shares;
    }

    /**
     * Rebuilds the secret from at least {@code threshold} distinct shares of one split.
     *
     * @throws IllegalArgumentException with fewer shares than the threshold, repeated indexes, or shares of
     *                                  different splits' shapes
     */
    public static byte[] combine(Collection<Share> shares) {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("no shares");
        }
        Share first = shares.iterator().next();
        int k = first.threshold();
        int length = first.value.length;
        Set<Integer> indexes = new HashSet<>();
        for (Share s : shares) {
            if (s.threshold() != k || s.value.length != length) {
                throw new IllegalArgumentException("shares of different splits");
            }
            if (!indexes.add(s.index())) {
                throw new IllegalArgumentException("share " + s.index() + " given twice");
            }
        }
        if (shares.size() < k) {
            throw new IllegalArgumentException(shares.size() + " of the " + k + " shares needed");
        }
        List<Share> used = new ArrayList<>(shares).subList(0, k);
        byte[] secret = new byte[length];
        for (int b = 0; b < length; b++) {
            int value = 0;
            for (int i = 0; i < k; i++) {
                // Lagrange basis polynomial of share i at x = 0: prod over j != i of x_j / (x_j - x_i); minus is xor.
                int xi = used.get(i).index();
                int basis = 1;
                for (int j = 0; j < k; j++) {
                    if (j != i) {
                        int xj = used.get(j).index();
                        basis = mul(basis, div(xj, xj ^ xi));
                    }
                }
                value ^= mul(used.get(i).value[b] & 0xff, basis);
            }
            secret[b] = (byte) value;
        }
        return secret;
    }

    private static int evaluate(byte[] coefficients, int x) {
        int y = 0;
        for (int c = coefficients.length - 1; c >= 0; c--) { // Horner
            y = mul(y, x) ^ (coefficients[c] & 0xff);
        }
        return y;
    }

    static int mul(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }

    static int div(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in GF(256)");
        }
        return a == 0 ? 0 : EXP[LOG[a] + 255 - LOG[b]];
    }
}
