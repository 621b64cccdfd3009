package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A reverse auction (反向竞价) as its reader may see it. Its terms are public (the 竞价公告); the offers only after the
 * close; a supplier sees its own bids and the highest price it may bid now, nothing about the others.
 *
 * @param id             the auction
 * @param auctionNo      its number for people
 * @param buyerName      the buying budget unit
 * @param regionCode     the buyer's region
 * @param categoryId     the category
 * @param categoryName   its name
 * @param itemCode       its 品目
 * @param unit           its unit
 * @param specs          the specification values asked for
 * @param quantity       how many units
 * @param ceiling        the ceiling unit price (最高限价), at most the lowest listed qualifying price at the opening
 * @param decrement      the least step down
 * @param opensAt        when bidding opened
 * @param closesAt       when it closes
 * @param minBidders     the least number of suppliers with a valid bid
 * @param paymentDays    the payment term of the resulting order
 * @param ruleBasis      the rule it was opened under
 * @param status         where it stands
 * @param closedAt       when closed, or null
 * @param failureReason  why it failed, or null
 * @param orderId        the resulting order, or null
 * @param orderNo        its number, or null
 * @param offers         after the close: each supplier's standing bid, from the winner down; before it: empty
 * @param mine           the reader's own bids (a supplier), in receipt order
 * @param myLimit        the highest unit price the reader may bid now, or null (not open, or not a supplier)
 */
public record ReverseAuctionView(UUID id, String auctionNo, UUID buyerId, String buyerName, String regionCode, UUID categoryId,
                                 String categoryName, String itemCode, String unit, Map<String, String> specs, int quantity,
                                 BigDecimal ceiling, BigDecimal decrement, Instant opensAt, Instant closesAt, int minBidders,
                                 int paymentDays, String ruleBasis, BiddingStatus status, Instant closedAt, String failureReason,
                                 UUID orderId, String orderNo, List<OfferView> offers, List<OfferView> mine, BigDecimal myLimit) {

    /** The winning offer after an award, or null. */
    public OfferView winner() {
        return offers.stream().filter(OfferView::won).findFirst().orElse(null);
    }
}
