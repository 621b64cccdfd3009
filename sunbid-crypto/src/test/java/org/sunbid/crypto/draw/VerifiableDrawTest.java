package org.sunbid.crypto.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The draw algorithm: reproducible from its inputs, sensitive to each of them, and uniform. */
class VerifiableDrawTest {

    private static final HexFormat HEX = HexFormat.of();

    private static List<String> pool(int n) {
        List<String> p = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            p.add(String.format("expert-%03d", i));
        }
        Collections.shuffle(p); // the order given does not matter: the algorithm sorts
        return p;
    }

    @Test
    void theSameInputsGiveTheSameCommitteeAndAnyChangedInputAnother() {
        byte[] secret = "supervisor's secret".getBytes(StandardCharsets.UTF_8);
        byte[] head = HEX.parseHex("2fed45fdfa56bdc6000000000000000000000000000000000000000000000000");
        byte[] seed = VerifiableDraw.seed(secret, head, "draw-2026-0001");
        List<String> committee = VerifiableDraw.draw(pool(30), seed, 7);
        assertEquals(committee, VerifiableDraw.draw(pool(30), seed, 7));
        assertEquals(7, committee.stream().distinct().count());

        assertNotEquals(committee, VerifiableDraw.draw(pool(30), VerifiableDraw.seed("other".getBytes(StandardCharsets.UTF_8), head,
                "draw-2026-0001"), 7));
        byte[] otherHead = head.clone();
        otherHead[31] = 1;
        assertNotEquals(committee, VerifiableDraw.draw(pool(30), VerifiableDraw.seed(secret, otherHead, "draw-2026-0001"), 7));
        assertNotEquals(committee, VerifiableDraw.draw(pool(30), VerifiableDraw.seed(secret, head, "draw-2026-0002"), 7));
        assertThrows(IllegalArgumentException.class, () -> VerifiableDraw.draw(List.of("a", "a"), seed, 1));
        assertThrows(IllegalArgumentException.class, () -> VerifiableDraw.draw(pool(5), seed, 6));
        assertTrue(new Sm3Drbg(seed).toString().indexOf("counter") > 0);
    }

    /** A pinned vector: a change to the algorithm (which would break published draws' verification) fails here. */
    @Test
    void pinnedVector() {
        byte[] seed = VerifiableDraw.seed("s".getBytes(StandardCharsets.UTF_8), new byte[32], "r");
        List<String> sorted = new ArrayList<>(pool(10));
        Collections.sort(sorted);
        List<String> ranked = VerifiableDraw.rank(sorted, seed);
        assertEquals(ranked, VerifiableDraw.rank(pool(10), seed));
        assertEquals(PINNED, ranked.toString());
    }

    static final String PINNED = "[expert-006, expert-004, expert-003, expert-009, expert-008, expert-007, expert-001, expert-010, "
            + "expert-002, expert-005]";

    /**
     * Over 10,000 draws of 3 from 12, each expert's selection count is within the chi-square bound of uniform
     * (11 degrees of freedom, p = 0.001: 31.26).
     */
    @Test
    void selectionIsUniform() {
        List<String> pool = pool(12);
        int draws = 10_000;
        int[] counts = new int[12];
        for (int d = 0; d < draws; d++) {
            byte[] seed = VerifiableDraw.seed(new byte[] {(byte) d, (byte) (d >>> 8)}, new byte[32], "uniformity-" + d);
            for (String e : VerifiableDraw.draw(pool, seed, 3)) {
                counts[Integer.parseInt(e.substring(7)) - 1]++;
            }
        }
        double expected = draws * 3 / 12.0;
        double chi = 0;
        for (int c : counts) {
            chi += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chi < 31.26, "chi-square " + chi);
    }

    @Test
    void rejectionSamplingStaysInRange() {
        Sm3Drbg drbg = new Sm3Drbg(new byte[] {1});
        for (int i = 0; i < 10_000; i++) {
            long v = drbg.nextBelow(7);
            assertTrue(v >= 0 && v < 7);
        }
    }
}
