package org.sunbid.platform.mall.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.sunbid.platform.mall.PriceEvidence;

/**
 * The e-mall's price rules for a listing (浙江省政府采购电子卖场 listing guide 2025, domain-2 §5 [F:S28]): the listed
 * price may exceed neither the manufacturer's official price nor the lowest price of large e-commerce self-run shops in
 * the same period; no bait prices. The guide's own text could not be read again in session 11 (not in the reference
 * library; STATUS-R.md), so the rule stays as domain-2 §5 records it.
 *
 * <p>⚠ Two figures here are ours, not the guide's, and are open points to confirm with the collecting body (still not
 * found in any text):
 * <ul>
 * <li>"同期" (the same period) is read as {@link #SAME_PERIOD_DAYS} calendar days up to the day of the check;
 * evidence older than that no longer counts, and a listing needs at least one price of each kind in the period.</li>
 * <li>A bait price (低价引流) is read as a price below {@link #BAIT_SHARE} of the cap without a stated reason (a clearance,
 * a manufacturer's promotion with its end date): the guide forbids bait prices without giving a figure.</li>
 * </ul>
 */
public final class PriceCap {

    /** ⚠ "同期": evidence read in the last 30 calendar days counts. */
    public static final int SAME_PERIOD_DAYS = 30;
    /** ⚠ A price below half the cap is a bait price unless a reason is stated. */
    public static final BigDecimal BAIT_SHARE = new BigDecimal("0.50");

    private PriceCap() {
    }

    /** What the check found. */
    public enum Outcome {
        /** Within the cap, not a bait price. */
        WITHIN,
        /** A kind of evidence is missing in the period. */
        EVIDENCE_MISSING,
        /** Above the manufacturer's price or the lowest e-commerce price. */
        ABOVE_CAP,
        /** Far below the cap without a reason. */
        BAIT
    }

    /**
     * The check's answer, with the comparison shown to the supplier.
     *
     * @param outcome      what was found
     * @param price        the price checked
     * @param manufacturer the manufacturer's lowest official price in the period, or null
     * @param ecommerce    the lowest e-commerce self-run price in the period, or null
     * @param cap          the lower of the two, or null when one is missing
     * @param binding      the evidence giving the cap, or null
     */
    public record Verdict(Outcome outcome, BigDecimal price, BigDecimal manufacturer, BigDecimal ecommerce, BigDecimal cap,
                          PriceEvidence binding) {

        public boolean within() {
            return outcome == Outcome.WITHIN;
        }

        /** The bait floor: {@link #BAIT_SHARE} of the cap. */
        public BigDecimal baitFloor() {
            return cap == null ? null : cap.multiply(BAIT_SHARE).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /**
     * Checks {@code price} against the {@code evidence} read in the {@link #SAME_PERIOD_DAYS} days up to {@code today}.
     * {@code lowPriceReason} (blank: none) allows a price below the bait floor.
     */
    public static Verdict check(BigDecimal price, List<PriceEvidence> evidence, LocalDate today, String lowPriceReason) {
        LocalDate from = today.minusDays(SAME_PERIOD_DAYS);
        Optional<PriceEvidence> manufacturer = lowest(evidence, PriceEvidence.Kind.MANUFACTURER, from, today);
        Optional<PriceEvidence> ecommerce = lowest(evidence, PriceEvidence.Kind.ECOMMERCE, from, today);
        BigDecimal m = manufacturer.map(PriceEvidence::price).orElse(null);
        BigDecimal e = ecommerce.map(PriceEvidence::price).orElse(null);
        if (m == null || e == null) {
            return new Verdict(Outcome.EVIDENCE_MISSING, price, m, e, null, null);
        }
        PriceEvidence binding = m.compareTo(e) <= 0 ? manufacturer.get() : ecommerce.get();
        BigDecimal cap = binding.price();
        if (price.compareTo(cap) > 0) { // 不得高于: equal to the cap is allowed
            return new Verdict(Outcome.ABOVE_CAP, price, m, e, cap, binding);
        }
        boolean reasoned = lowPriceReason != null && !lowPriceReason.isBlank();
        if (!reasoned && price.compareTo(cap.multiply(BAIT_SHARE)) < 0) {
            return new Verdict(Outcome.BAIT, price, m, e, cap, binding);
        }
        return new Verdict(Outcome.WITHIN, price, m, e, cap, binding);
    }

    private static Optional<PriceEvidence> lowest(List<PriceEvidence> evidence, PriceEvidence.Kind kind, LocalDate from,
            LocalDate to) {
        return evidence.stream().filter(p -> p.kind() == kind)
                .filter(p -> !p.observedOn().isBefore(from) && !p.observedOn().isAfter(to))
                .min(Comparator.comparing(PriceEvidence::price));
    }
}
