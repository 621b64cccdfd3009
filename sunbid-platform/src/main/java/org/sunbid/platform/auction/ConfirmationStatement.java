package org.sunbid.platform.auction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.sunbid.crypto.CanonicalJson;

/**
 * The 成交确认书 as the winner, the owner's side and the platform sign it (like complaints' ChallengeStatement): the lot,
 * its code and object, the winner's name and unified social credit code, its bidder number, the price, when the
 * winning bid was received, the reserve where one was sealed, the start price and the premium rate — as canonical JSON
 * (UTF-8), signed SM3withSM2 by each side in turn ({@code Sm2.signText}). Amounts in yuan as text.
 */
public record ConfirmationStatement(UUID lotId, String lotCode, String object, String procedureCode, String ownerName,
        String winnerName, String winnerCreditCode, String bidderNumber, String price, Instant winningBidAt,
        Instant decidedAt, String reserve, String startPrice, String premiumRate) {

    /** The statement's type field. */
    public static final String TYPE = "sunbid.auction.confirmation";

    /** The canonical statement: the exact text (UTF-8) that is signed. */
    public String statement() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("lotId", lotId.toString());
        m.put("lotCode", lotCode);
        m.put("object", object);
        m.put("procedureCode", procedureCode);
        m.put("owner", ownerName);
        m.put("winner", winnerName);
        m.put("winnerCreditCode", winnerCreditCode);
        m.put("bidderNumber", bidderNumber);
        m.put("price", price);
        m.put("winningBidAt", winningBidAt.toString());
        m.put("decidedAt", decidedAt.toString());
        m.put("reserve", reserve);
        m.put("startPrice", startPrice);
        m.put("premiumRate", premiumRate);
        return CanonicalJson.write(m);
    }
}
