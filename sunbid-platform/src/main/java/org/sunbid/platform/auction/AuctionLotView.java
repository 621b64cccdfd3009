package org.sunbid.platform.auction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An auction lot as the API shows it (amounts in yuan as text; times ISO-8601): its terms, the rules it runs by (each
 * with its article) and, for a re-disclosure, the earlier lot and the recorded approval.
 *
 * @param lotId                the lot (= the tender)
 * @param procedureCode        e.g. TDSYQ_LISTING
 * @param kind                 TDSYQ, KYQ or GYCQ
 * @param status               the tender's status (DRAFT until the announcement is published)
 * @param format               LISTING, ASCENDING or NETWORK (from the procedure's steps)
 * @param startPrice           起始价, yuan
 * @param increment            加价幅度, yuan
 * @param deposit              竞买保证金, yuan (the tender's)
 * @param applicationClose     竞买申请截止 (the tender's bid deadline)
 * @param biddingStart         the listing's or auction's start
 * @param freeEnd              the listing's (free bidding's) end, or null
 * @param countdownMinutes     the timed round's countdown
 * @param freezeMinutes        listing bids stop this long before the end
 * @param pauseMinutes         the pause before the timed round
 * @param timedRoundMinBidders qualified bidders needed for the timed round
 * @param minBidders           qualified bidders needed for bidding to be held
 * @param reserveSealed        whether a sealed reserve (底价) exists (the announcement says so)
 * @param appraisal            评估值, yuan, or null
 * @param details              parcel, mining right or asset details
 * @param previousLotId        the earlier disclosure this one follows (重新披露), or null
 * @param approval             the written approval recorded (approver, documentNumber, date, fileSm3), or null
 * @param relistBy             after this instant the asset needs audit, appraisal and disclosure anew (32号令 Art. 19), or null
 * @param rules                the rules that apply: key, amount, unit, article
 */
public record AuctionLotView(UUID lotId, String procedureCode, String kind, String status, String format, String startPrice,
        String increment, String deposit, Instant applicationClose, Instant biddingStart, Instant freeEnd, long countdownMinutes,
        long freezeMinutes, long pauseMinutes, int timedRoundMinBidders, int minBidders, boolean reserveSealed, String appraisal,
        Map<String, Object> details, UUID previousLotId, Map<String, Object> approval, Instant relistBy,
        List<Map<String, Object>> rules) {
}
