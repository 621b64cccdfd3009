package org.sunbid.platform.workbench;

import java.util.ArrayList;
import java.util.List;

import org.sunbid.platform.parties.Role;

/**
 * An entry of the workbench's left menu, in the order of the work.
 *
 * @param key   message key of its label
 * @param href  where it leads
 */
record MenuItem(String key, String href) {

    /**
     * The menu of {@code role}: only what exists and what the role may open; {@code sandboxPhone} when the sandbox SMS
     * gateway exists (experts read its messages on the workbench).
     */
    static List<MenuItem> of(Role role, boolean sandboxPhone) {
        List<MenuItem> items = new ArrayList<>();
        items.add(new MenuItem("workbench.menu.home", "/workbench"));
        if (role == Role.TENDEREE || role == Role.AGENCY) {
            items.add(new MenuItem("workbench.menu.tenders.owner", "/workbench/tenders"));
            items.add(new MenuItem("workbench.menu.auctions.owner", "/workbench/auctions")); // issue 17: 竞价标的
        } else if (role == Role.BIDDER) {
            items.add(new MenuItem("workbench.menu.tenders.bidder", "/workbench/tenders"));
            items.add(new MenuItem("workbench.menu.auctions.bidder", "/workbench/auctions")); // issue 17: 我的竞买
            // 我的邀请, then the negotiations they lead to (issue 16)
            items.add(new MenuItem("workbench.menu.invitations", "/workbench/invitations"));
            items.add(new MenuItem("workbench.menu.negotiations", "/workbench/negotiations"));
        } else if (role != Role.EXPERT) {
            items.add(new MenuItem("workbench.menu.tenders.staff", "/workbench/tenders"));
        }
        if (role == Role.TENDEREE || role == Role.ADMINISTRATOR || role == Role.CENTRE_STAFF || role == Role.SUPERVISOR) {
            // 不进场交易 and 场外交易 (issue 15): owners apply and report, staff and supervisors review
            items.add(new MenuItem("workbench.menu.exemptions", "/workbench/supervision/exemptions"));
            items.add(new MenuItem("workbench.menu.off-platform", "/workbench/supervision/off-platform"));
        }
        if (role == Role.BIDDER || role == Role.TENDEREE || role == Role.AGENCY || role == Role.SUPERVISOR) {
            // 询问、质疑、投诉 (issue 16)
            items.add(new MenuItem("workbench.menu.complaints", "/workbench/complaints"));
        }
        if (role == Role.ADMINISTRATOR || role == Role.CENTRE_STAFF || role == Role.SUPERVISOR) {
            items.add(new MenuItem("workbench.menu.supervision-flags", "/workbench/supervision/flags"));
            // 监督预警 and 实时监控 (issue 19): the queue of the region's subtree, and the monitoring page
            items.add(new MenuItem("workbench.menu.warnings", "/workbench/supervision/warnings"));
            items.add(new MenuItem("workbench.menu.monitor", "/workbench/supervision/monitor"));
        }
        if (role == Role.SUPERVISOR) {
            items.add(new MenuItem("workbench.menu.filings", "/workbench/filings"));
        }
        if (role == Role.TENDEREE || role == Role.AGENCY || role == Role.SUPERVISOR || role == Role.BIDDER) {
            // 采购方式审批 and 单一来源公示 (issue 16): owners ask, the department decides, suppliers object
            items.add(new MenuItem("workbench.menu.method-approvals", "/workbench/method-approvals"));
        }
        if (role == Role.ADMINISTRATOR || role == Role.CENTRE_STAFF || role == Role.SUPERVISOR) {
            items.add(new MenuItem("workbench.menu.experts", "/workbench/experts"));
            items.add(new MenuItem("workbench.menu.expert-draws", "/workbench/expert-draws"));
            items.add(new MenuItem("workbench.menu.organisations", "/workbench/organisations"));
            items.add(new MenuItem("workbench.menu.regions", "/workbench/regions"));
        }
        if (role == Role.ADMINISTRATOR || role == Role.CENTRE_STAFF) {
            items.add(new MenuItem("workbench.menu.exchange", "/workbench/exchange")); // issue 18 N: 数据交换
        }
        if (role == Role.TENDEREE || role == Role.AGENCY || role == Role.BIDDER) {
            // 框架协议采购 (issue 22): collecting bodies and buyers, suppliers responding and taking orders
            items.add(new MenuItem("workbench.menu.framework", "/workbench/framework-agreements"));
        }
        if (role == Role.TENDEREE || role == Role.AGENCY || role == Role.ADMINISTRATOR || role == Role.CENTRE_STAFF) {
            items.add(new MenuItem("workbench.menu.intermediaries", "/workbench/intermediaries")); // issue 20 I: 中介超市
        }
        if (role == Role.TENDEREE || role == Role.AGENCY || role == Role.ADMINISTRATOR || role == Role.CENTRE_STAFF
                || role == Role.SUPERVISOR) {
            items.add(new MenuItem("workbench.menu.venues", "/workbench/venues")); // issue 20 V: 场地预约
        }
        if (role == Role.TENDEREE || role == Role.BIDDER || role == Role.ADMINISTRATOR || role == Role.CENTRE_STAFF
                || role == Role.SUPERVISOR) {
            items.add(new MenuItem("workbench.menu.mall", "/workbench/mall")); // issue 22: 电子卖场
        }
        if (role == Role.EXPERT) {
            items.add(new MenuItem("workbench.menu.expert.file", "/workbench/expert"));
            items.add(new MenuItem("workbench.menu.expert.draws", "/workbench/expert/draws"));
            items.add(new MenuItem("workbench.menu.expert.evaluations", "/workbench/evaluations"));
            items.add(new MenuItem("workbench.menu.negotiations", "/workbench/negotiations")); // issue 16 part D
            if (sandboxPhone) {
                items.add(new MenuItem("workbench.menu.expert.phone", "/workbench/expert/phone"));
            }
        }
        if (role != Role.EXPERT) {
            items.add(new MenuItem("workbench.menu.credit", "/workbench/credit")); // issue 20 K: 信用管理
        }
        // 公告订阅 (issue 18): every account may follow saved searches of the notices
        items.add(new MenuItem("workbench.menu.subscriptions", "/workbench/subscriptions"));
        return items;
    }
}
