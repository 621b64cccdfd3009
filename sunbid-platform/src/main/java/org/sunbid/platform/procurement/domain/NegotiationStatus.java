package org.sunbid.platform.procurement.domain;

/** Where a negotiation (谈判/磋商) stands. */
public enum NegotiationStatus {
    /** A round is under way: the panel negotiates with each remaining supplier alone and may change the documents. */
    NEGOTIATING,
    /** The panel called for final offers (最后报价) of the round; they are sealed until the deadline. */
    AWAITING_OFFERS,
    /** The round's final offers were opened; the panel starts another round or closes the negotiation. */
    ROUND_DONE,
    /** The panel closed the negotiation after a round's offers were opened; the evaluation goes on with them. */
    CLOSED,
    /** Too few suppliers remain (74号令 Art. 37; 214号 Art. 21; 财库〔2015〕124号): the negotiation stopped. */
    STOPPED
}
