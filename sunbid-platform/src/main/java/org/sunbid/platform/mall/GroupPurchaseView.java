package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A group purchase (团购) as its reader may see it: the terms, the number of buyers and the combined quantity are
 * public (suppliers quote for it); the quotes only after the close; a supplier sees its own quote, a buyer its own share.
 *
 * @param phase         JOINING, QUOTING or CLOSED now
 * @param buyers        how many buyers joined
 * @param totalQuantity the combined quantity
 * @param members       after the close: every buyer's share with its order; before it: the reader's own share only
 * @param unitPrice     the group price after an award, or null
 * @param winnerName    the winning supplier after an award, or null
 * @param offers        after the close: each supplier's standing quote, from the winner down; before it: empty
 * @param myQuote       the reader's own standing quote (a supplier), or null
 */
public record GroupPurchaseView(UUID id, String groupNo, String organiserName, String regionCode, UUID categoryId,
                                String categoryName, String itemCode, String unit, Map<String, String> specs, BigDecimal ceiling,
                                Instant joinUntil, Instant closesAt, int minQuotes, int minBuyers, String ruleBasis,
                                BiddingStatus status, Phase phase, int buyers, int totalQuantity, List<Member> members,
                                Instant closedAt, String failureReason, BigDecimal unitPrice, String winnerName,
                                List<OfferView> offers, OfferView myQuote) {

    /** Where a group purchase is now. */
    public enum Phase { JOINING, QUOTING, CLOSED }

    /** One buyer's share and, after an award, its order. */
    public record Member(UUID buyerId, String buyerName, int quantity, int paymentDays, Instant joinedAt, UUID orderId, String orderNo) {
    }
}
