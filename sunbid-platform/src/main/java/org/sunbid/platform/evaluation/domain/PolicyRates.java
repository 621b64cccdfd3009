package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * The policy price deductions (政策性价格扣除) in force at a procurement's date, 财政部令第87号 Art. 55 ("价格扣除后的
 * 评标价格") with the policies behind it. Dated data: the caller passes the version in force at the date of the
 * procurement documents.
 * <ul>
 *   <li>SMEs, 财库〔2020〕46号 Art. 9 as amended by 财库〔2022〕19号 [M, verify]: goods and services bid by a small or
 *       micro enterprise (by its 中小企业声明函; 监狱企业 and 残疾人福利性单位 count as small/micro) get a deduction the
 *       documents set within {@code smallMicro} — currently <b>10%–20%</b> (46号 alone: 6%–10%); a consortium or a
 *       subcontract giving small/micro enterprises at least {@code shareThreshold} of the contract ("30%以上", the
 *       number included) gets the lower rate set within {@code consortiumShare} — currently <b>4%–6%</b> (46号: 2%–3%).
 *       Works rates (3–5%, 1–2%) are not part of 87号令 and not modelled here.</li>
 *   <li>Domestic products, 国办发〔2025〕34号, from <b>2026-01-01</b>: a <b>20%</b> price-evaluation preference for
 *       domestic products over non-domestic ones, including goods inside service projects. {@code domesticPreference}
 *       is {@code null} before that date.</li>
 * </ul>
 *
 * @param smallMicro         the range within which the documents set the small/micro deduction
 * @param consortiumShare    the range within which the documents set the consortium/subcontract deduction
 * @param shareThreshold     the small/micro share of a consortium or subcontract that earns the lower rate (0.30)
 * @param domesticPreference the domestic-product preference (0.20), or {@code null} where none is in force
 */
public record PolicyRates(Range smallMicro, Range consortiumShare, BigDecimal shareThreshold, BigDecimal domesticPreference) {

    /** A closed range of rates [min, max], shares of the price in [0, 1). */
    public record Range(BigDecimal min, BigDecimal max) {
        public Range {
            if (min == null || max == null || min.signum() < 0 || min.compareTo(max) > 0 || max.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("财库〔2020〕46号 Art. 9: a deduction range 0 ≤ min ≤ max < 1");
            }
        }

        /** Whether {@code rate} lies within the range, both ends included. */
        public boolean contains(BigDecimal rate) {
            return rate != null && rate.compareTo(min) >= 0 && rate.compareTo(max) <= 0;
        }
    }

    public PolicyRates {
        if (smallMicro == null || consortiumShare == null || !PriceWeightFloors.share(shareThreshold)
                || (domesticPreference != null && (domesticPreference.signum() <= 0 || domesticPreference.compareTo(BigDecimal.ONE) >= 0))) {
            throw new IllegalArgumentException("87号令 Art. 55 policy rates: both ranges, a share threshold in (0, 1], "
                    + "a domestic preference in (0, 1) or none");
        }
        if (consortiumShare.max().compareTo(smallMicro.min()) > 0) {
            throw new IllegalArgumentException("财库〔2020〕46号 Art. 9: the consortium/subcontract rate is the lower one");
        }
    }

    /**
     * The rates the procurement documents set (采购文件明确的扣除比例), each within its range; refused otherwise,
     * naming the range in force.
     */
    public InDocuments inDocuments(BigDecimal smallMicroRate, BigDecimal consortiumRate) {
        if (!smallMicro.contains(smallMicroRate)) {
            throw new DomainException(EvaluationError.POLICY_RATE_OUT_OF_RANGE, rate(smallMicroRate),
                    PriceWeightFloors.percent(smallMicro.min()), PriceWeightFloors.percent(smallMicro.max()));
        }
        if (!consortiumShare.contains(consortiumRate)) {
            throw new DomainException(EvaluationError.POLICY_RATE_OUT_OF_RANGE, rate(consortiumRate),
                    PriceWeightFloors.percent(consortiumShare.min()), PriceWeightFloors.percent(consortiumShare.max()));
        }
        return new InDocuments(smallMicroRate, consortiumRate, shareThreshold, domesticPreference);
    }

    private static String rate(BigDecimal r) {
        return r == null ? "—" : PriceWeightFloors.percent(r);
    }

    /**
     * The rates one procurement applies, as its documents set them within the ranges in force (made by
     * {@link PolicyRates#inDocuments}).
     */
    public record InDocuments(BigDecimal smallMicro, BigDecimal consortiumShare, BigDecimal shareThreshold,
            BigDecimal domesticPreference) {
        public InDocuments {
            new Range(consortiumShare, smallMicro); // both rates in [0, 1), the consortium's the lower
            if (!PriceWeightFloors.share(shareThreshold)
                    || (domesticPreference != null && (domesticPreference.signum() <= 0 || domesticPreference.compareTo(BigDecimal.ONE) >= 0))) {
                throw new IllegalArgumentException("87号令 Art. 55 policy rates: a share threshold in (0, 1], a domestic preference in (0, 1) or none");
            }
        }
    }
}
