package org.sunbid.screening.cardinal;

/** Cardinal's red-flag indicators (OCP's Red Flags guide numbering), in the order the output lists them. */
public enum Indicator {
    /** Short submission period (tender period shorter than a threshold in days). */
    R003,
    /** Single bid received in an open/selective procedure. */
    R018,
    /** Price close to the winning bid (second-lowest valid bid near the winner's). */
    R024,
    /** Excessive unsuccessful bids (a tenderer who often bids and rarely wins). */
    R025,
    /** Identical bid prices from different tenderers. */
    R028,
    /** Late bid won (a valid bid dated after the tender period ended was awarded). */
    R030,
    /** All except the winning bid disqualified. */
    R035,
    /** Lowest bid disqualified while a valid bid exists. */
    R036,
    /** Excessive disqualified bids (per buyer, procuring entity or tenderer). */
    R038,
    /** Heterogeneous supplier (too many distinct item classifications). */
    R048,
    /** Heavily discounted bid (winning bid far below the next one). */
    R058
}
