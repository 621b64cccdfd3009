package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which bids must explain an abnormally low price (异常低价审查), 财政部令第87号 Art. 60 and, from 2026-02-01,
 * 财库〔2026〕2号 ({@link AbnormalPriceThresholds}). The prices compared are the quoted prices of the bids that passed
 * the compliance review (not the evaluated prices after policy deductions). "低于" is strict: a bid at exactly the
 * threshold does not trigger a review.
 */
public final class AbnormalPrice {

    private AbnormalPrice() {
    }

    /** Why a review starts. */
    public enum Trigger {
        /** Below the share of the mean of every compliant bid (the bid itself included). */
        BELOW_MEAN,
        /** Below the share of the next-lowest compliant bid (the bid of the supplier with the second-lowest price). */
        BELOW_NEXT_LOWEST,
        /** Below the share of the 最高限价, or of the budget where there is none. */
        BELOW_CAP,
        /** The panel judges the price so low it may harm quality or performance (87号令 Art. 60). */
        PANEL_JUDGEMENT
    }

    /**
     * The triggers of each compliant bid that has any, in the bids' order.
     *
     * @param compliantPrices the quoted prices of the bids that passed the compliance review, by bidder
     * @param cap             the 最高限价, or the budget where there is no cap (财库〔2026〕2号 Part 1)
     * @param thresholds      the thresholds in force at the event's date (as raised by the documents), or empty before
     *                        2026-02-01: then only the panel's judgement counts
     * @param panelJudged     the bidders the panel judges too low
     */
    public static Map<String, Set<Trigger>> triggers(Map<String, BigDecimal> compliantPrices, BigDecimal cap,
            Optional<AbnormalPriceThresholds> thresholds, Set<String> panelJudged) {
        Map<String, Set<Trigger>> out = new LinkedHashMap<>();
        BigDecimal mean = null;
        BigDecimal secondLowest = null;
        if (!compliantPrices.isEmpty()) {
            mean = compliantPrices.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(compliantPrices.size()), 10, RoundingMode.HALF_UP);
            List<BigDecimal> sorted = new ArrayList<>(compliantPrices.values());
            sorted.sort(null);
            secondLowest = sorted.size() >= 2 ? sorted.get(1) : null;
        }
        for (Map.Entry<String, BigDecimal> bid : compliantPrices.entrySet()) {
            Set<Trigger> why = EnumSet.noneOf(Trigger.class);
            BigDecimal price = bid.getValue();
            if (thresholds.isPresent()) {
                AbnormalPriceThresholds t = thresholds.get();
                if (below(price, t.ofMean(), mean)) {
                    why.add(Trigger.BELOW_MEAN);
                }
                if (below(price, t.ofNextLowest(), secondLowest)) {
                    why.add(Trigger.BELOW_NEXT_LOWEST);
                }
                if (below(price, t.ofCap(), cap)) {
                    why.add(Trigger.BELOW_CAP);
                }
            }
            if (panelJudged.contains(bid.getKey())) {
                why.add(Trigger.PANEL_JUDGEMENT);
            }
            if (!why.isEmpty()) {
                out.put(bid.getKey(), Set.copyOf(why));
            }
        }
        return out;
    }

    private static boolean below(BigDecimal price, BigDecimal share, BigDecimal reference) {
        return reference != null && price.compareTo(share.multiply(reference)) < 0;
    }
}
