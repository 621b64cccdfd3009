package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The evaluated price after the policy deductions (价格扣除), 财政部令第87号 Art. 55 with 财库〔2020〕46号 /
 * 〔2022〕19号 and 国办发〔2025〕34号: the deductions change only the price the evaluation uses, never the bid price
 * nor the contract price, and they are applied <em>before</em> the reference (lowest) price is found.
 *
 * <p>How the two deductions combine — <b>⚠ open point</b>, no MOF rule read yet; applied multiplicatively:
 * <pre>evaluated = (bid − domesticPreference × domesticGoodsPrice) × (1 − smeRate)</pre>
 * i.e. {@code bid × (1 − d)} with {@code 1 − d = (1 − domesticPreference × domesticShare) × (1 − smeRate)}. The
 * domestic preference applies to the price of the domestic goods the bid offers (all of it for a bid of domestic
 * goods only); whether the 20% is taken off domestic goods or added to non-domestic ones is also ⚠ open until MOF's
 * implementing rule is read. Rounded to the fen, half up.
 *
 * <p>A lot reserved for SMEs (预留份额, 财库〔2020〕46号) applies no SME deduction: its caller gives no SME declarations.
 */
public final class PolicyDeductions {

    private PolicyDeductions() {
    }

    /** What a supplier declared (中小企业声明函 and the like). */
    public enum Status {
        /** 小型、微型企业 by its declaration (a consortium of small/micro enterprises only counts as one). */
        SMALL_OR_MICRO,
        /** 监狱企业: counts as small/micro (财库〔2014〕68号). */
        PRISON_ENTERPRISE,
        /** 残疾人福利性单位: counts as small/micro (财库〔2017〕141号). */
        DISABLED_WELFARE_UNIT,
        /** A consortium or a subcontract giving part of the contract to small/micro enterprises. */
        CONSORTIUM_OR_SUBCONTRACT,
        /** No SME status (medium or large, or no declaration). */
        NONE
    }

    /**
     * A bid's declaration.
     *
     * @param smallMicroShare    for {@link Status#CONSORTIUM_OR_SUBCONTRACT}: the small/micro enterprises' share of the
     *                           contract, in [0, 1]; ignored otherwise
     * @param domesticGoodsPrice the part of the bid price that is domestic products (本国产品), 0 … the bid price
     */
    public record Declaration(Status status, BigDecimal smallMicroShare, BigDecimal domesticGoodsPrice) {
        public Declaration {
            Objects.requireNonNull(status);
            smallMicroShare = smallMicroShare == null ? BigDecimal.ZERO : smallMicroShare;
            domesticGoodsPrice = domesticGoodsPrice == null ? BigDecimal.ZERO : domesticGoodsPrice;
            if (smallMicroShare.signum() < 0 || smallMicroShare.compareTo(BigDecimal.ONE) > 0 || domesticGoodsPrice.signum() < 0) {
                throw new IllegalArgumentException("a share in [0, 1] and a domestic goods price ≥ 0");
            }
        }

        /** No preference of any kind. */
        public static Declaration none() {
            return new Declaration(Status.NONE, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }

    /** The SME rate a declaration earns under {@code rates}: the full rate, the lower rate, or none. */
    public static BigDecimal smeRate(Declaration declaration, PolicyRates.InDocuments rates) {
        return switch (declaration.status()) {
            case SMALL_OR_MICRO, PRISON_ENTERPRISE, DISABLED_WELFARE_UNIT -> rates.smallMicro();
            case CONSORTIUM_OR_SUBCONTRACT -> declaration.smallMicroShare().compareTo(rates.shareThreshold()) >= 0
                    ? rates.consortiumShare() : BigDecimal.ZERO;
            case NONE -> BigDecimal.ZERO;
        };
    }

    /** The evaluated price of {@code bid} (see the class comment for the formula). */
    public static BigDecimal evaluatedPrice(BigDecimal bid, Declaration declaration, PolicyRates.InDocuments rates) {
        if (bid == null || bid.signum() <= 0) {
            throw new IllegalArgumentException("a positive bid price");
        }
        if (declaration.domesticGoodsPrice().compareTo(bid) > 0) {
            throw new IllegalArgumentException("the domestic goods cannot cost more than the bid");
        }
        BigDecimal domestic = rates.domesticPreference() == null ? BigDecimal.ZERO
                : rates.domesticPreference().multiply(declaration.domesticGoodsPrice());
        return bid.subtract(domestic).multiply(BigDecimal.ONE.subtract(smeRate(declaration, rates)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** Every bid's evaluated price, by bidder, in the bids' order; a bidder without a declaration gets none. */
    public static Map<String, BigDecimal> evaluatedPrices(Map<String, BigDecimal> bids, Map<String, Declaration> declarations,
            PolicyRates.InDocuments rates) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        bids.forEach((bidder, price) -> out.put(bidder,
                evaluatedPrice(price, declarations.getOrDefault(bidder, Declaration.none()), rates)));
        return out;
    }
}
