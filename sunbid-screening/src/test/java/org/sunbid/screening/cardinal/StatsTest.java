package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** statrs's quantiles (Hyndman and Fan type 8), computed by hand. */
class StatsTest {

    @Test
    void quartilesInterpolateWithTypeEight() {
        double[] data = {4, 1, 3, 2};
        // h = (4 + 1/3) * 0.25 + 1/3 = 1.41667: x1 + 0.41667 * (x2 - x1)
        assertEquals(1 + (13.0 / 12 + 1.0 / 3 - 1), Stats.lowerQuartile(data), 1e-12);
        // h = (4 + 1/3) * 0.75 + 1/3 = 3.58333
        assertEquals(3 + (13.0 / 4 + 1.0 / 3 - 3), Stats.upperQuartile(data), 1e-12);
        assertEquals(4, data[0], "the data is not reordered");
    }

    @Test
    void edgesAreMinimumMaximumAndNaN() {
        assertEquals(1.0, Stats.quantile(new double[] {1, 2}, 0.0));
        assertEquals(2.0, Stats.percentile(new double[] {1, 2}, 100));
        assertEquals(5.0, Stats.lowerQuartile(new double[] {5}));
        assertTrue(Double.isNaN(Stats.lowerQuartile(new double[0])));
        assertTrue(Double.isNaN(Stats.percentile(new double[] {1}, 101)));
    }
}
