package org.sunbid.screening.bids;

/**
 * One bid screen of a lot and the direction collusion pushes it (domain-2 §7; Huber &amp; Imhof 2019). A screen is
 * flagged only when the lot's value lies beyond the comparable lots' quantile fence in that direction.
 */
public enum Screen {
    /** Coefficient of variation σ/μ of all bids: cover bids cluster, so it is lower. */
    CV(Direction.LOW),
    /** Spread (max − min)/min: lower. */
    SPD(Direction.LOW),
    /** DIFFP = (b2 − b1)/b1, the winner's distance to the first cover: higher. */
    DIFFP(Direction.HIGH),
    /** RD = (b2 − b1)/σ(losing bids): higher; above 1 is the cover-bid signature. */
    RD(Direction.HIGH),
    /** RDNOR = (b2 − b1)/mean adjacent gap of all bids: higher. */
    RDNOR(Direction.HIGH),
    /** Bias-corrected sample skewness G1: negative (losing bids bunch above the winner). */
    SKEWNESS(Direction.LOW),
    /** Bias-corrected sample excess kurtosis G2: higher. */
    KURTOSIS(Direction.HIGH),
    /** Sub-group screen (partial cartel): CV of the three closest consecutive bids: lower. */
    SUB3_CV(Direction.LOW),
    /** Sub-group screen: CV of the four closest consecutive bids (lots of five or more bids): lower. */
    SUB4_CV(Direction.LOW);

    /** Which tail of the comparable lots collusion pushes a screen into. */
    public enum Direction { LOW, HIGH }

    private final Direction collusion;

    Screen(Direction collusion) {
        this.collusion = collusion;
    }

    /** The tail collusion pushes this screen into. */
    public Direction collusion() {
        return collusion;
    }
}
