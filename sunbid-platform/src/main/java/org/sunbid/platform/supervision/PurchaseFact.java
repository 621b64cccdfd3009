package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One government purchase as the split-purchase check sees it (政府采购法实施条例 Art. 28): who bought, which 品目 (item
 * of the 政府采购品目分类目录), when, for how much, and the open-tender threshold (公开招标数额标准) that applied to it.
 * Supervision makes these from its own records (off-platform reports, exemptions); the platform's own procurement
 * projects come in the same shape from the context that owns them ({@link Supervision#splitPurchases}).
 *
 * @param purchaserId   the purchaser (采购人) organisation
 * @param purchaserName its name, for people
 * @param itemCode      the 品目 code, e.g. A02010104
 * @param date          the date of the purchase (its result); its calendar year is the fiscal year (财政年度)
 * @param value         in yuan
 * @param threshold     the open-tender threshold in force for it, in yuan
 * @param reference     what it is, for people: a project code and name
 * @param regionCode    where it was bought
 */
public record PurchaseFact(UUID purchaserId, String purchaserName, String itemCode, LocalDate date, BigDecimal value,
        BigDecimal threshold, String reference, String regionCode) {

    public PurchaseFact {
        Objects.requireNonNull(purchaserId, "purchaserId");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(threshold, "threshold");
    }

    /** China's fiscal year is the calendar year (预算法 Art. 18). */
    public int fiscalYear() {
        return date.getYear();
    }
}
