package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a collecting body gives to start a framework agreement's first stage (checked by {@link FrameworkAgreements#create}).
 *
 * @param name             1–200 characters
 * @param regionCode       the region
 * @param kind             CLOSED or OPEN
 * @param shortlisting     PRICE_FIRST or QUALITY_FIRST
 * @param category         GOODS or SERVICES
 * @param itemCode         政府采购品目, or null
 * @param budget           the estimated total (采购预算), positive
 * @param responseDeadline when responses close
 * @param termMonths       the term; null: the rule's longest
 * @param items            at least one, each with its maximum unit price
 */
public record NewFrameworkAgreement(String name, String regionCode, String kind, String shortlisting, String category,
        String itemCode, BigDecimal budget, Instant responseDeadline, Integer termMonths, List<NewItem> items) {

    /** An item: its name, unit (台, 次, 人·月) and 最高限制单价. */
    public record NewItem(String name, String unit, BigDecimal maxUnitPrice) {
    }
}
