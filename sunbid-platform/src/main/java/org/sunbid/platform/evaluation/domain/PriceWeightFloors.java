package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * The lowest weight the price may have under comprehensive scoring (综合评分法), 财政部令第87号 Art. 55: goods
 * <b>≥ 30%</b>, services <b>≥ 10%</b> of the total ("不得低于" includes the number); a service whose price follows a
 * unified price standard (执行国家统一定价标准和采用固定价格采购的项目) has no price factor at all. 87号令 sets no upper
 * limit (the 30–60% / 10–30% bands of 财库〔2012〕69号 are not in force for 公开招标). Dated data: the caller passes the
 * version in force at the date of the documents; currently {@code goods = 0.30, services = 0.10}.
 *
 * @param goods    the floor for goods, a share of the total in (0, 1]
 * @param services the floor for services, a share of the total in (0, 1]
 */
public record PriceWeightFloors(BigDecimal goods, BigDecimal services) {

    public PriceWeightFloors {
        if (!share(goods) || !share(services)) {
            throw new IllegalArgumentException("87号令 Art. 55: price-weight floors are shares in (0, 1]");
        }
    }

    static boolean share(BigDecimal x) {
        return x != null && x.signum() > 0 && x.compareTo(BigDecimal.ONE) <= 0;
    }

    /** The floor for {@code subject}. */
    public BigDecimal floor(ProcurementSubject subject) {
        return subject == ProcurementSubject.GOODS ? goods : services;
    }

    /**
     * Refuses a plan whose price part breaks Art. 55: under comprehensive scoring the price is scored lowest price
     * first ({@link PriceFormula.LowestPriceFirst}: lowest valid evaluated price ÷ the bid's × weight) with a weight
     * not below the floor; a fixed-price item has no price factor ({@code formula == null}).
     */
    public void check(ProcurementSubject subject, boolean fixedPrice, PriceFormula formula) {
        if (fixedPrice) {
            if (formula != null) {
                throw new DomainException(EvaluationError.PRICE_FACTOR_ON_FIXED_PRICE);
            }
            return;
        }
        if (!(formula instanceof PriceFormula.LowestPriceFirst lowest)) {
            throw new DomainException(EvaluationError.PRICE_FORMULA_NOT_LOWEST_FIRST);
        }
        BigDecimal floor = floor(subject);
        if (lowest.weight().compareTo(floor) < 0) {
            throw new DomainException(EvaluationError.PRICE_WEIGHT_BELOW_FLOOR, percent(lowest.weight()),
                    subject.ordinal(), percent(floor));
        }
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
