package org.sunbid.platform.supervision.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sunbid.platform.supervision.PurchaseFact;
import org.sunbid.platform.supervision.SuspectedSplit;

/**
 * Purchases split to avoid the open tender (化整为零规避公开招标, 政府采购法实施条例 Art. 28): in one fiscal year, the same
 * purchaser buys the same 品目 several times, each time below the open-tender threshold, by other methods, and the
 * purchases together exceed it. A purchase at or above its threshold is not part of a split (it had to be tendered
 * openly anyway); a single purchase below it is no split.
 */
public final class SplitPurchases {

    private SplitPurchases() {
    }

    /** The suspected splits among {@code facts}, by purchaser, item and year. */
    public static List<SuspectedSplit> find(List<PurchaseFact> facts) {
        record Key(UUID purchaser, String item, int year) {
        }
        Map<Key, List<PurchaseFact>> groups = new LinkedHashMap<>();
        for (PurchaseFact f : facts) {
            if (f.value().compareTo(f.threshold()) < 0) {
                groups.computeIfAbsent(new Key(f.purchaserId(), f.itemCode().strip(), f.fiscalYear()), k -> new ArrayList<>())
                        .add(f);
            }
        }
        List<SuspectedSplit> splits = new ArrayList<>();
        groups.forEach((key, group) -> {
            if (group.size() < 2) {
                return;
            }
            BigDecimal total = group.stream().map(PurchaseFact::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal threshold = group.stream().map(PurchaseFact::threshold).max(Comparator.naturalOrder()).orElseThrow();
            if (total.compareTo(threshold) > 0) { // 累计资金数额超过公开招标数额标准
                List<PurchaseFact> sorted = group.stream().sorted(Comparator.comparing(PurchaseFact::date)).toList();
                splits.add(new SuspectedSplit(key.purchaser(), group.get(0).purchaserName(), key.item(), key.year(), sorted, total,
                        threshold));
            }
        });
        return splits;
    }
}
