package org.sunbid.platform.procurement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.procurement.FrameworkAgreements;
import org.sunbid.platform.procurement.FrameworkOrders;

/**
 * The portal's framework agreements (框架协议采购, public): each agreement with its items, shortlist and notices (入围结果,
 * 加入结果, 顺序轮候成交结果, 合同公告, 成交结果汇总), and the published orders of a period.
 */
@Controller
class FrameworkPortal {

    private final FrameworkAgreements agreements;
    private final FrameworkOrders orders;
    private final Clock clock;

    FrameworkPortal(FrameworkAgreements agreements, FrameworkOrders orders, Clock clock) {
        this.agreements = agreements;
        this.orders = orders;
        this.clock = clock;
    }

    @GetMapping("/framework-agreements")
    String list(Model model) {
        model.addAttribute("agreements", agreements.list(100, null));
        return "portal/framework-agreements";
    }

    @GetMapping("/framework-agreements/{id}")
    String agreement(@PathVariable UUID id, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        model.addAttribute("a", agreements.view(id, null));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("orders", orders.summary(id, start, end, false, null));
        return "portal/framework-agreement";
    }
}
