package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.platform.supervision.PurchaseFact;
import org.sunbid.platform.supervision.PurchaseSource;

/**
 * The mall's orders as government purchases for supervision's split check (decided by supervision's
 * {@code SplitPurchases}: same buyer, same 品目, same fiscal year, each below its threshold, together above it). Each
 * order that was not refused at acceptance is one purchase, dated by its order day (Beijing), with the single-order cap
 * of the mall rule then in force — the 分散采购限额 — as its threshold.
 *
 * <p>政府采购法实施条例 Art. 28 (read, LawRefBook/Laws): "在一个财政年度内，采购人将一个预算项目下的同一品目或者类别的货物、
 * 服务采用公开招标以外的方式多次采购，累计资金数额超过公开招标数额标准的，属于以化整为零方式规避公开招标". Its threshold is
 * the 公开招标数额标准, not the mall's cap. ⚠ Flagging at the mall's cap is our stricter reading (splitting below the
 * 分散采购限额 evades the mall's own limit, domain-2 §5): a group flagged here need not breach Art. 28, although the
 * supervisors' warning cites it; beside a tendered project of the same 品目 supervision takes the higher threshold of
 * the group. Art. 28's "同一预算项目" is not checked: orders carry no budget project.
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
