package org.sunbid.platform.auction.domain;

/**
 * The outcome once bidding ended and the reserve (if any) is opened.
 *
 * @param deal    whether there is a deal
 * @param winner  the winning bid, or null
 * @param reserve the opened reserve in fen, or null where none was sealed
 * @param reason  why there is no deal, or null
 */
public record AuctionResult(boolean deal, Bid winner, Long reserve, NoDeal reason) {

    /** Why an auction ends without a deal. */
    public enum NoDeal {
        /** No valid bid at all (39号令 Art. 19: 流拍). */
        NO_VALID_BID,
        /** The highest bid is below the sealed reserve (39号令 Art. 16, 19). */
        BELOW_RESERVE,
        /** Fewer qualified bidders than the procedure needs (AUCTION_BIDDERS_MIN). */
        TOO_FEW_BIDDERS
    }
}
