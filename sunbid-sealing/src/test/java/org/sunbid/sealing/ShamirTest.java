package org.sunbid.sealing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShamirTest {

    /** Multiplication in GF(2^8) the slow way: shift and add, reducing by x^8 + x^4 + x^3 + x + 1. */
    private static int slowMul(int a, int b) {
        int p = 0;
        for (int i = 0; i < 8; i++) {
            if ((b & 1) != 0) {
                p ^= a;
            }
            boolean high = (a & 0x80) != 0;
            a = (a << 1) & 0xff;
            if (high) {
                a ^= 0x1b;
            }
            b >>= 1;
        }
        return p;
    }

    @Test
    void fieldArithmeticMatchesTheDefinition() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                assertEquals(slowMul(a, b), Shamir.mul(a, b), a + "*" + b);
                if (b != 0) {
                    assertEquals(a, Shamir.mul(Shamir.div(a, b), b));
                }
            }
        }
    }

    @Test
    void anyKOfNSharesRebuildTheSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        for (int n = 2; n <= 7; n++) {
            for (int k = 2; k <= n; k++) {
                List<Shamir.Share> shares = Shamir.split(secret, n, k);
                assertEquals(n, shares.size());
                for (int mask = 0; mask < (1 << n); mask++) {
                    if (Integer.bitCount(mask) < k) {
                        continue;
                    }
                    List<Shamir.Share> chosen = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if ((mask & (1 << i)) != 0) {
                            chosen.add(shares.get(i));
                        }
                    }
                    assertArrayEquals(secret, Shamir.combine(chosen), n + "/" + k + " mask " + mask);
                }
            }
        }
    }

    @Test
    void fewerThanKSharesAreRefusedAndWrongSharesGiveAnotherSecret() {
        byte[] secret = "opening key scalar, 32 bytes...!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Shamir.Share> shares = Shamir.split(secret, 3, 2);
        assertThrows(IllegalArgumentException.class, () -> Shamir.combine(List.of(shares.get(0))));
        assertThrows(IllegalArgumentException.class, () -> Shamir.combine(List.of(shares.get(0), shares.get(0))));
        byte[] forgedValue = shares.get(1).value();
        forgedValue[0] ^= 1;
        Shamir.Share forged = new Shamir.Share(2, 2, forgedValue);
        assertFalse(java.util.Arrays.equals(secret, Shamir.combine(List.of(shares.get(0), forged))));
        assertTrue(shares.get(0).toString().indexOf('[') > 0 && !shares.get(0).toString().contains("value"));
    }

    /**
     * One share of a 2-of-3 split says nothing about the secret: whatever the secret, the share's bytes are uniform
     * (with 20,000 splits each of 256 values is expected 78 times; a biased scheme would miss the bounds by far).
     */
    @Test
    void aSingleShareIsUniformWhateverTheSecret() {
        for (byte s : new byte[] {0x00, (byte) 0xff}) {
            int[] counts = new int[256];
            for (int i = 0; i < 20_000; i++) {
                counts[Shamir.split(new byte[] {s}, 3, 2).get(0).value()[0] & 0xff]++;
            }
            for (int c : counts) {
                assertTrue(c > 25 && c < 131, "count " + c + " for secret " + s);
            }
        }
    }
}
