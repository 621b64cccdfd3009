package org.sunbid.platform.auction.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 溢价率 = (成交价 − 起始价) / 起始价, from amounts in fen: the premium exactly (fen), and the rate as a percentage to
 * 0.01% (half up: what notices publish); {@link #exact()} keeps the exact fraction for anyone recomputing it.
 */
public record PremiumRate(long price, long startPrice) {

    public PremiumRate {
        if (startPrice <= 0 || price <= 0) {
            throw new IllegalArgumentException("price and start price must be positive");
        }
    }

    /** The premium in fen (negative where a property lot sold below its listed price after a lower re-disclosure). */
    public long premium() {
        return price - startPrice;
    }

    /** The rate in percent, to 0.01% half up (e.g. 12.35 for 12.345…%). */
    public BigDecimal percent() {
        return BigDecimal.valueOf(premium()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(startPrice), 2, RoundingMode.HALF_UP);
    }

    /** The exact rate as a fraction of fen, "premium/startPrice" (e.g. "25000000/100000000"). */
    public String exact() {
        return premium() + "/" + startPrice;
    }
}
