package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
 * @param buyerIds         the budget units (采购人) that may order under it (适用范围), or null
 * @param buyerRegions     the regions whose budget units may order under it, or null; with neither: its own region
 */
public record NewFrameworkAgreement(String name, String regionCode, String kind, String shortlisting, String category,
        String itemCode, BigDecimal budget, Instant responseDeadline, Integer termMonths, List<NewItem> items,
        List<UUID> buyerIds, List<String> buyerRegions) {

    /** An agreement for the budget units of its own region. */
    public NewFrameworkAgreement(String name, String regionCode, String kind, String shortlisting, String category,
            String itemCode, BigDecimal budget, Instant responseDeadline, Integer termMonths, List<NewItem> items) {
        this(name, regionCode, kind, shortlisting, category, itemCode, budget, responseDeadline, termMonths, items, null, null);
    }

    /** An item: its name, unit (台, 次, 人·月) and 最高限制单价. */
    public record NewItem(String name, String unit, BigDecimal maxUnitPrice) {
    }
}
