package org.sunbid.screening.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class BidScreensTest {

    private static final double EPS = 1e-9;

    /**
     * Bids 110, 100, 102, 101 (sorted 100, 101, 102, 110), by hand: μ = 413/4 = 103.25; deviations −3.25, −2.25, −1.25,
     * 6.75, squares sum 62.75, sample σ = √(62.75/3) = 4.5734742; CV = 4.5734742/103.25 = 0.0442952; SPD = 10/100;
     * DIFFP = 1/100; losing bids 101, 102, 110: mean 104.333, squares sum 48.6667, σ = √24.3333 = 4.9328829, RD =
     * 1/4.9328829 = 0.2027212; RDNOR = 1/(10/3) = 0.3; z = −0.710619, −0.491967, −0.273315, 1.475900, Σz³ = 2.716601,
     * G1 = 4/(3·2)·Σz³ = 1.8110671; Σz⁴ = 4.863354, G2 = 4·5/(3·2·1)·Σz⁴ − 3·9/(2·1) = 3.3803273.
     */
    @Test
    void computesEveryScreenOfFourBidsWithTheSampleBiasCorrectedEstimators() {
        BidScreens s = BidScreens.of(110, 100, 102, 101);
        assertEquals(4, s.bids());
        assertEquals(0.04429515006945034, s.value(Screen.CV), EPS);
        assertEquals(0.1, s.value(Screen.SPD), EPS);
        assertEquals(0.01, s.value(Screen.DIFFP), EPS);
        assertEquals(0.2027212135198458, s.value(Screen.RD), EPS);
        assertEquals(0.3, s.value(Screen.RDNOR), EPS);
        assertEquals(1.811067053793524, s.value(Screen.SKEWNESS), EPS);
        assertEquals(3.3803272963921245, s.value(Screen.KURTOSIS), EPS);
        // the three closest consecutive bids are 100, 101, 102: CV = 1/101
        assertEquals(1.0 / 101, s.value(Screen.SUB3_CV), EPS);
        assertEquals(0, s.subgroupStart(Screen.SUB3_CV));
        assertNull(s.value(Screen.SUB4_CV), "four bids have no sub-group of four that is not the lot");
    }

    /**
     * Five bids 100, 103, 104, 104.5, 108: a cover-bid pattern, the winner well below a tight cluster. By hand: RD =
     * 3/σ(103, 104, 104.5, 108) = 3/2.1746648 = 1.3795230 (&gt; 1); RDNOR = 3/(8/4) = 1.5; the tightest three are 103,
     * 104, 104.5 (CV 0.00735566) and the tightest four 100…104.5 (CV 0.01959236).
     */
    @Test
    void coverBidsAboveTheWinnerGiveRdAboveOneAndTightSubGroups() {
        BidScreens s = BidScreens.of(List.of(new BigDecimal("104"), new BigDecimal("100"), new BigDecimal("108"),
                new BigDecimal("104.5"), new BigDecimal("103")));
        assertEquals(1.3795229974308254, s.value(Screen.RD), EPS);
        assertEquals(1.5, s.value(Screen.RDNOR), EPS);
        assertEquals(0.027728316248099967, s.value(Screen.CV), EPS);
        assertEquals(0.1583928243627077, s.value(Screen.SKEWNESS), EPS);
        assertEquals(1.3392727536652629, s.value(Screen.KURTOSIS), EPS);
        assertEquals(0.007355659221437947, s.value(Screen.SUB3_CV), EPS);
        assertEquals(1, s.subgroupStart(Screen.SUB3_CV));
        assertEquals(0.019592363908380435, s.value(Screen.SUB4_CV), EPS);
        assertEquals(0, s.subgroupStart(Screen.SUB4_CV));
    }

    @Test
    void screensOnlyLotsOfFourBidsOrMore() {
        assertTrue(BidScreens.screens(4));
        assertTrue(!BidScreens.screens(3));
        assertThrows(IllegalArgumentException.class, () -> BidScreens.of(100, 101, 102));
        assertThrows(IllegalArgumentException.class, () -> BidScreens.of(0, 101, 102, 103));
    }

    @Test
    void leavesOutScreensThatWouldDivideByZero() {
        BidScreens equal = BidScreens.of(100, 100, 100, 100);
        assertEquals(0.0, equal.value(Screen.CV), EPS);
        assertNull(equal.value(Screen.RD));
        assertNull(equal.value(Screen.RDNOR));
        assertNull(equal.value(Screen.SKEWNESS));
        assertNull(equal.value(Screen.KURTOSIS));
        // identical losing bids: σ(losing) = 0, RD undefined, the rest defined
        BidScreens covers = BidScreens.of(90, 100, 100, 100);
        assertNull(covers.value(Screen.RD));
        assertEquals(1.0 / 9, covers.value(Screen.DIFFP), EPS);
    }
}
