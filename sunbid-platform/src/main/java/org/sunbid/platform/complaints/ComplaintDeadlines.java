package org.sunbid.platform.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;

/**
 * Flags each open step past its due instant to the supervisors, once, in a public log entry ({@value #OVERDUE}, raised
 * on the supervisors' workbench like evaluation's overdue contracts): an inquiry unanswered after 3 working days
 * (实施条例 Art. 52), a challenge after 7 (法 Art. 53), a complaint's intake, copies or decision (94号令 Art. 21, 26;
 * 招标投标法实施条例 Art. 61).
 */
@Component
public class ComplaintDeadlines {

    /** The flag's log action. */
    public static final String OVERDUE = "complaints.step.overdue";

    private final CaseStore store;
    private final AuditLog log;
    private final Clock clock;

    ComplaintDeadlines(CaseStore store, AuditLog log, Clock clock) {
        this.store = store;
        this.log = log;
        this.clock = clock;
    }

    /** Flags the overdue steps not flagged yet; returns how many. */
    @Scheduled(fixedDelayString = "${sunbid.complaints.overdue-check-interval:PT1H}")
    @Transactional
    public int check() {
        Instant now = clock.instant();
        int n = 0;
        for (CaseStore.Overdue o : store.overdueUnflagged(now)) {
            if (!store.flag(o, now)) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("caseId", o.caseId().toString());
            payload.put("kind", o.kind().name());
            payload.put("step", o.status());
            payload.put("dueAt", o.dueAt().toString());
            payload.put("to", "SUPERVISOR");
            payload.put("reason", reason(o));
            log.record(AuditRecord.of(OVERDUE, o.lotId().toString(), o.regionCode(), Actor.SYSTEM, payload));
            n++;
        }
        return n;
    }

    private static String reason(CaseStore.Overdue o) {
        return switch (o.kind()) {
            case INQUIRY -> "询问未在3个工作日内答复（《政府采购法实施条例》第五十二条）";
            case CHALLENGE -> "质疑未在7个工作日内答复（《政府采购法》第五十三条）";
            case COMPLAINT -> switch (o.status()) {
                case "LODGED" -> "投诉未在期限内审查受理（财政部令第94号第二十一条；《招标投标法实施条例》第六十一条）";
                default -> "投诉副本或处理决定逾期（财政部令第94号第二十一条、第二十六条；《招标投标法实施条例》第六十一条）";
            };
        };
    }
}
