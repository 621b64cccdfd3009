package org.sunbid.screening.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ComparableLotsTest {

    private static final LotProfile CITY_WORKS = LotProfile.of("GCJS", "990100", new BigDecimal("12800000"));

    /** Ten honest lots: bids spread 4–15 % with no cluster. */
    private static final double[][] HONEST = {
            {100, 104, 109, 113}, {100, 103, 107, 112, 115}, {100, 106, 108, 114}, {100, 102, 107, 111},
            {100, 105, 110, 112, 116}, {100, 103, 106, 113}, {100, 104, 107, 109}, {100, 107, 111, 115},
            {100, 102, 105, 110, 114}, {100, 105, 108, 111}};

    private static List<ComparableLots.ScreenedLot> history(LotProfile profile, int lots) {
        List<ComparableLots.ScreenedLot> h = new ArrayList<>();
        for (int i = 0; i < lots; i++) {
            h.add(new ComparableLots.ScreenedLot("lot" + i, profile, BidScreens.of(HONEST[i % HONEST.length]).values()));
        }
        return h;
    }

    @Test
    void quartilesInterpolateLinearlyAndFencesLieOneAndAHalfIqrOut() {
        Fence f = Fence.of(Screen.CV, new double[] {9, 1, 8, 2, 7, 3, 6, 4, 5});
        assertEquals(3.0, f.q1(), 1e-12);
        assertEquals(7.0, f.q3(), 1e-12);
        assertEquals(-3.0, f.lower(), 1e-12);
        assertEquals(13.0, f.upper(), 1e-12);
        assertTrue(f.flags(-3.1), "CV lower than the lower fence");
        assertFalse(f.flags(14), "a high CV is not what collusion does");
        Fence q = Fence.of(Screen.KURTOSIS, new double[] {1, 2, 3, 4});
        assertEquals(1.75, q.q1(), 1e-12); // h = 3·0.25 = 0.75 → 1 + 0.75·(2 − 1)
        assertEquals(3.25, q.q3(), 1e-12);
        assertTrue(q.flags(5.51));
        assertFalse(q.flags(-100));
    }

    @Test
    void rdIsFlaggedOnlyAboveItsFenceAndAboveOne() {
        Fence low = Fence.of(Screen.RD, new double[] {0.1, 0.1, 0.12, 0.1});
        assertFalse(low.flags(0.9), "above the fence but not the cover-bid signature RD > 1");
        assertTrue(low.flags(1.2));
    }

    @Test
    void flagsATightClusterAboveAFarWinnerAgainstComparableLots() {
        ComparableLots judge = new ComparableLots(8);
        BidScreens cartel = BidScreens.of(100, 106, 106.3, 106.5, 106.6);
        ComparableLots.Verdict v = judge.judge("new", CITY_WORKS, cartel, history(CITY_WORKS, 10));
        assertEquals(ComparableLots.Group.KIND_REGION_SIZE, v.group());
        assertEquals(10, v.lots());
        // DIFFP 0.06 lies within the honest lots' own range (0.02 … 0.07): not flagged; the cluster is
        assertEquals(List.of(Screen.CV, Screen.SPD, Screen.RD, Screen.RDNOR, Screen.SKEWNESS, Screen.KURTOSIS, Screen.SUB3_CV),
                v.flagged());
        assertTrue(v.suspicious());
        assertTrue(v.fences().get(Screen.RD).upper() < cartel.value(Screen.RD));
    }

    @Test
    void honestLotRaisesNothing() {
        ComparableLots.Verdict v = new ComparableLots(8).judge("new", CITY_WORKS, BidScreens.of(100, 104, 108, 112),
                history(CITY_WORKS, 10));
        assertEquals(List.of(), v.flagged());
    }

    @Test
    void belowTheMinimumNothingIsFlaggedAndTheVerdictSaysSo() {
        ComparableLots.Verdict v = new ComparableLots(8).judge("new", CITY_WORKS, BidScreens.of(100, 106, 106.3, 106.5, 106.6),
                history(CITY_WORKS, 7));
        assertEquals(ComparableLots.Group.TOO_FEW, v.group());
        assertEquals(7, v.lots());
        assertTrue(v.fences().isEmpty());
        assertFalse(v.suspicious());
    }

    @Test
    void widensToOtherRegionsOfTheSameKindAndSizeButNeverAcrossKinds() {
        LotProfile county = LotProfile.of("GCJS", "990121", new BigDecimal("9800000"));
        List<ComparableLots.ScreenedLot> h = new ArrayList<>(history(CITY_WORKS, 3));
        h.addAll(history(county, 6));
        h.addAll(history(LotProfile.of("ZFCG", "990100", new BigDecimal("12000000")), 20));
        ComparableLots.Verdict v = new ComparableLots(8).judge("new", CITY_WORKS, BidScreens.of(100, 104, 108, 112), h);
        assertEquals(ComparableLots.Group.KIND_SIZE, v.group());
        assertEquals(9, v.lots());
        assertEquals(2, CITY_WORKS.sizeBand());
        assertEquals(0, LotProfile.sizeBand(new BigDecimal("999999.99")));
        assertEquals(5, LotProfile.sizeBand(new BigDecimal("100000000")));
    }

    @Test
    void ignoresTheLotItselfInItsHistory() {
        List<ComparableLots.ScreenedLot> h = new ArrayList<>(history(CITY_WORKS, 7));
        BidScreens own = BidScreens.of(100, 104, 108, 112);
        h.add(new ComparableLots.ScreenedLot("new", CITY_WORKS, own.values()));
        assertEquals(ComparableLots.Group.TOO_FEW, new ComparableLots(8).judge("new", CITY_WORKS, own, h).group());
    }
}
