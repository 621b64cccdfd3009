package org.sunbid.screening.network;

/**
 * Who bids with whom: one pair of bidders of the co-bidding graph (a before b by id).
 *
 * @param a         one bidder
 * @param b         the other
 * @param together  the lots both bid on
 * @param lotsA     every lot a bid on
 * @param lotsB     every lot b bid on
 * @param aLostToB  shared lots b won (a lost to b)
 * @param bLostToA  shared lots a won
 */
public record Edge(String a, String b, int together, int lotsA, int lotsB, int aLostToB, int bLostToA) {

    /** The share of a's lots that b bid on too. */
    public double shareOfA() {
        return lotsA == 0 ? 0 : (double) together / lotsA;
    }

    /** The share of b's lots that a bid on too. */
    public double shareOfB() {
        return lotsB == 0 ? 0 : (double) together / lotsB;
    }
}
