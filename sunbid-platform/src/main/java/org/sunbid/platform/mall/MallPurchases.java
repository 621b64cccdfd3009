package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.platform.supervision.PurchaseFact;
import org.sunbid.platform.supervision.PurchaseSource;

/**
 * The mall's orders as government purchases for supervision's split check (政府采购法实施条例 Art. 28, decided by
 * supervision's {@code SplitPurchases}: same buyer, same 品目, same fiscal year, each below its threshold, together
 * above it). Each order that was not refused at acceptance is one purchase, dated by its order day (Beijing), with the
 * single-order cap of the mall rule then in force — the 分散采购限额 — as its threshold. ⚠ Art. 28 speaks of the
 * open-tender threshold; splitting below the 分散采购限额 evades the mall's own limit (domain-2 §5), which is what this
 * flags; beside a tendered project of the same 品目 supervision takes the higher threshold of the group.
 */
@Component
class MallPurchases implements PurchaseSource {

    private final MallOrders orders;
    private final MallCatalogue catalogue;

    MallPurchases(MallOrders orders, MallCatalogue catalogue) {
        this.orders = orders;
        this.catalogue = catalogue;
    }

    @Override
    public List<PurchaseFact> purchases(List<String> regionCodes) {
        List<PurchaseFact> facts = new ArrayList<>();
        for (OrderView o : orders.all()) {
            if (o.status() == OrderStatus.REJECTED || (regionCodes != null && !regionCodes.contains(o.regionCode()))) {
                continue;
            }
            LocalDate day = o.orderedAt().atZone(MallCatalogue.BEIJING).toLocalDate();
            catalogue.ruleAt(o.regionCode(), day).ifPresent(rule -> facts.add(fact(o, day, rule)));
        }
        return facts;
    }

    static PurchaseFact fact(OrderView o, LocalDate day, MallRule rule) {
        BigDecimal threshold = rule.orderCap();
        return new PurchaseFact(o.buyerId(), o.buyerName(), o.itemCode(), day, o.total(), threshold,
                "电子卖场订单 " + o.orderNo() + " " + o.productName() + " × " + o.quantity(), o.regionCode());
    }
}
