package org.sunbid.screening.bids;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What makes two lots comparable for the bid screens: the kind of deal (e.g. GCJS, ZFCG), the region (a region code)
 * and the size band of the lot's estimated price or budget.
 *
 * @param kind     the kind of deal
 * @param region   the region code
 * @param sizeBand the size band ({@link #sizeBand(BigDecimal)})
 */
public record LotProfile(String kind, String region, int sizeBand) {

    /** The upper bounds (exclusive, yuan) of the size bands 0 … 4; band 5 is everything from 100 million. */
    private static final long[] BAND_LIMITS = {1_000_000L, 5_000_000L, 20_000_000L, 50_000_000L, 100_000_000L};

    public LotProfile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
    }

    /** A profile from the lot's estimated price (null: band 0). */
    public static LotProfile of(String kind, String region, BigDecimal estimatedPrice) {
        return new LotProfile(kind, region, sizeBand(estimatedPrice));
    }

    /**
     * The size band of an estimated price: 0 below 1 million yuan, 1 below 5 million, 2 below 20 million, 3 below 50
     * million, 4 below 100 million, 5 from 100 million.
     */
    public static int sizeBand(BigDecimal estimatedPrice) {
        if (estimatedPrice == null) {
            return 0;
        }
        for (int i = 0; i < BAND_LIMITS.length; i++) {
            if (estimatedPrice.compareTo(BigDecimal.valueOf(BAND_LIMITS[i])) < 0) {
                return i;
            }
        }
        return BAND_LIMITS.length;
    }
}
