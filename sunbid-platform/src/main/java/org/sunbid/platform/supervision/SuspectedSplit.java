package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Purchases that look split to avoid the open tender (政府采购法实施条例 Art. 28): one purchaser, one 品目, one fiscal
 * year, each below the threshold, together above it.
 *
 * @param purchases the purchases below the threshold, by date
 * @param total     their sum
 * @param threshold the threshold they together exceed (the highest of theirs: the benefit of the doubt)
 */
public record SuspectedSplit(UUID purchaserId, String purchaserName, String itemCode, int fiscalYear,
        List<PurchaseFact> purchases, BigDecimal total, BigDecimal threshold) {
}
