package org.sunbid.platform.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.supervision.warnings.Decision;
import org.sunbid.platform.supervision.warnings.WarningFilter;
import org.sunbid.platform.supervision.warnings.WarningQueue;
import org.sunbid.platform.supervision.warnings.WarningStatus;
import org.sunbid.platform.supervision.warnings.WarningSweep;
import org.sunbid.platform.supervision.warnings.WarningView;

/**
 * The demo's warning queue (监督预警, issue 19), worked by the city's supervisor as people would: the sweep brings the
 * demo's flags in (the county water bureau's overdue off-platform report and its suspected split purchase, bidder4's
 * deposit paid from a trading company's account, and whatever else the history flagged); the supervisor dismisses
 * the deposit flag at triage (refunded to the payer, paid again from the basic account), investigates the split
 * purchase with a note, orders the overdue report corrected by a deadline, and leaves the rest awaiting triage.
 */
@Component
class DemoWarnings {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final WarningSweep sweep;
    private final WarningQueue queue;
    private final Accounts accounts;
    private final Clock clock;

    DemoWarnings(WarningSweep sweep, WarningQueue queue, Accounts accounts, Clock clock) {
        this.sweep = sweep;
        this.queue = queue;
        this.accounts = accounts;
        this.clock = clock;
    }

    void load() {
        sweep.sweep();
        CurrentUser supervisor = accounts.findByUsername("supervisor").orElseThrow();
        List<WarningView> open = queue.queue(supervisor, WarningFilter.ALL, 1000).stream()
                .filter(w -> w.status() == WarningStatus.OPEN).toList();
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        for (WarningView w : open) {
            if (w.key().startsWith("payments.deposit.not-basic-account|")) {
                queue.dismiss(w.id(), "保证金已原路退回付款方，投标人随后从其基本账户缴纳，未发现他人代缴保证金的串通情形。",
                        "《招标投标法实施条例》第二十六条", supervisor);
            } else if (w.key().startsWith("split-purchase|")) {
                queue.accept(w.id(), "两次采购品目相同、时间相近，合计超过公开招标数额标准，立案核查。", supervisor);
                queue.note(w.id(), "已调取青山县水利局年度政府采购预算和两次采购的需求说明，待约谈采购人。", supervisor);
            } else if (w.key().startsWith("offplatform-overdue|")) {
                queue.accept(w.id(), null, supervisor);
                queue.note(w.id(), "经电话核实，采购已于一个月前完成，采购人尚未报告结果。", supervisor);
                queue.decide(w.id(), new WarningQueue.DecisionForm(Decision.CORRECTED, "采购人逾期未报告场外交易结果。",
                        "《公共资源交易平台管理暂行办法》第八条；本市场外交易报告规定（结果产生之日起20日内）", today.plusDays(10),
                        null, null), supervisor);
            }
        }
    }
}
