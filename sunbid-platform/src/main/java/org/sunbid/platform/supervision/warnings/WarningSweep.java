package org.sunbid.platform.supervision.warnings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.audit.LogSubjects;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.supervision.OffPlatformDeals;
import org.sunbid.platform.supervision.SupervisionFlag;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.WarningDraft.Severity;

import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the flags that exist outside the queue into it, as warnings: supervision's own {@link SupervisionFlag}s
 * (off-platform reports overdue, must-trade deals made off the platform without an exemption, split purchases) and the
 * flags other contexts publish in the transparency log for the supervisor (far-off expert scores, contracts and refunds
 * overdue, deposits not from the basic account, filings and single-source reviews overdue, complaints lodged, steps of
 * a complaint overdue, repeated unfounded complaints). Idempotent: each flag has a stable key (the supervision flag's
 * kind and page; the log entry's sequence number), so a sweep that runs again raises nothing new. Runs on a schedule and
 * on demand.
 */
@Component
public class WarningSweep {

    /** A log action brought into the queue: under which source, how urgent. */
    record Source(String source, Severity severity) {
    }

    /** The log actions that flag something to the supervisor, with their source and severity. */
    static final Map<String, Source> LOG_FLAGS = Map.ofEntries(
            Map.entry("evaluation.extreme-score", new Source("score", Severity.MEDIUM)),
            Map.entry("evaluation.contract.overdue", new Source("overdue", Severity.MEDIUM)),
            Map.entry("evaluation.contract.publication-overdue", new Source("overdue", Severity.LOW)),
            Map.entry("payments.refund.overdue", new Source("overdue", Severity.HIGH)),
            Map.entry("payments.deposit.not-basic-account", new Source("deposit", Severity.HIGH)),
            Map.entry(org.sunbid.platform.tendering.TenderFilings.OVERDUE, new Source("overdue", Severity.LOW)),
            Map.entry(org.sunbid.platform.tendering.MethodApprovals.OVERDUE, new Source("overdue", Severity.LOW)),
            Map.entry("complaints.complaint.lodged", new Source("complaint", Severity.MEDIUM)),
            Map.entry(org.sunbid.platform.complaints.ComplaintDeadlines.OVERDUE, new Source("overdue", Severity.MEDIUM)),
            Map.entry("complaints.unfounded.repeated", new Source("complaint", Severity.LOW)));

    /** Payload fields shown as evidence, with their label (others are left out: identifiers the links already carry). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("project", "项目"), Map.entry("bidder", "投标人/供应商"), Map.entry("winner", "中标人"),
            Map.entry("name", "评标专家"), Map.entry("total", "评分"), Map.entry("othersMean", "其他专家均分"),
            Map.entry("deviation", "偏离"), Map.entry("threshold", "偏离阈值"), Map.entry("reason", "说明"),
            Map.entry("contractDue", "合同签订期限"), Map.entry("publicationDue", "合同公告期限"), Map.entry("dueAt", "期限"),
            Map.entry("amount", "金额"), Map.entry("bookedAt", "到账时间"), Map.entry("status", "状态"),
            Map.entry("lateRate", "逾期利率"), Map.entry("rule", "依据"), Map.entry("unfounded", "查无实据次数"),
            Map.entry("step", "环节"), Map.entry("due", "期限"));

    private final WarningQueue queue;
    private final OffPlatformDeals offPlatform;
    private final AuditLog log;
    private final Regions regions;
    private final ObjectProvider<LogSubjects> subjects;
    private final MessageSource messages;
    private final JsonMapper json;

    WarningSweep(WarningQueue queue, OffPlatformDeals offPlatform, AuditLog log, Regions regions,
            ObjectProvider<LogSubjects> subjects, MessageSource messages, JsonMapper json) {
        this.queue = queue;
        this.offPlatform = offPlatform;
        this.log = log;
        this.regions = regions;
        this.subjects = subjects;
        this.messages = messages;
        this.json = json;
    }

    /** Raises a warning for every flag not yet in the queue; returns how many warnings were new. */
    @Scheduled(fixedDelayString = "${sunbid.supervision.warning-sweep-interval:PT10M}",
            initialDelayString = "${sunbid.supervision.warning-sweep-initial-delay:PT2M}")
    @Transactional
    public int sweep() {
        int raised = 0;
        for (WarningDraft d : drafts()) {
            if (queue.raiseIfNew(d).isPresent()) {
                raised++;
            }
        }
        return raised;
    }

    /** What the sweep would raise (each once: the queue drops a known key). */
    List<WarningDraft> drafts() {
        List<WarningDraft> drafts = new ArrayList<>();
        for (SupervisionFlag f : offPlatform.allFlags()) {
            drafts.add(fromFlag(f));
        }
        List<String> codes = regions.all().stream().map(Region::code).toList();
        List<LogEntry> flagged = log.withActions(LOG_FLAGS.keySet(), codes, AuditLog.MAX_PAGE);
        // entries already in the queue are not described again (each description asks other contexts)
        java.util.Set<String> known = queue.known(flagged.stream().map(e -> key(e)).filter(java.util.Objects::nonNull).toList());
        for (LogEntry e : flagged) {
            if (!known.contains(key(e))) {
                fromLog(e).ifPresent(drafts::add);
            }
        }
        return drafts;
    }

    private static WarningDraft fromFlag(SupervisionFlag f) {
        Severity severity = switch (f.kind()) {
            case "offplatform-unexempted", "split-purchase" -> Severity.HIGH;
            default -> Severity.MEDIUM;
        };
        String basis = switch (f.kind()) {
            case "offplatform-overdue" -> "场外交易应于结果产生之日起20日内报告";
            case "offplatform-unexempted" -> "公共资源交易平台管理暂行办法第八条（应进必进）";
            case "split-purchase" -> "政府采购法实施条例第二十八条（化整为零规避公开招标）";
            default -> null;
        };
        String title = label(f.kind()) + "：" + f.title();
        List<WarningDraft.Evidence> evidence = new ArrayList<>();
        evidence.add(new WarningDraft.Evidence("事项", f.title(), f.link()));
        if (f.detail() != null && !f.detail().isBlank()) {
            evidence.add(new WarningDraft.Evidence("情况", f.detail(), null));
        }
        if (f.deadline() != null) {
            evidence.add(new WarningDraft.Evidence("期限", f.deadline().atZone(WarningQueue.BEIJING).toLocalDate().toString(), null));
        }
        return new WarningDraft("catalogue", f.kind() + "|" + f.link(), severity, f.regionCode(), null, null,
                cut(title, 300), f.detail(), basis, evidence, List.of());
    }

    private static String label(String kind) {
        return switch (kind) {
            case "offplatform-overdue" -> "场外交易逾期未报告";
            case "offplatform-unexempted" -> "应进必进项目未经批准场外交易";
            case "split-purchase" -> "疑似化整为零";
            default -> kind;
        };
    }

    /** The key of a log flag's warning: the action and the entry's sequence number (null for a sealed entry). */
    @SuppressWarnings("unchecked")
    private String key(LogEntry e) {
        return e.details() == null ? null : json.readValue(e.details(), Map.class).get("action") + "|" + e.seq();
    }

    @SuppressWarnings("unchecked")
    private Optional<WarningDraft> fromLog(LogEntry e) {
        if (e.details() == null) {
            return Optional.empty();
        }
        Map<String, Object> details = json.readValue(e.details(), Map.class);
        String action = (String) details.get("action");
        String region = (String) details.get("region");
        Source source = LOG_FLAGS.get(action);
        if (source == null || region == null) {
            return Optional.empty();
        }
        String subject = (String) details.get("subject");
        Map<String, Object> payload = e.payload() == null ? Map.of() : json.readValue(e.payload(), Map.class);
        LogSubjects names = subjects.getIfAvailable();
        Optional<LogSubjects.Subject> named = names == null || subject == null ? Optional.empty() : names.describe(action, subject);
        String what = messages.getMessage("action." + action, null, action, Locale.SIMPLIFIED_CHINESE);
        String about = named.map(LogSubjects.Subject::label).orElse(subject == null ? "" : subject);
        String who = payload.get("bidder") != null ? "（" + payload.get("bidder") + "）"
                : payload.get("name") != null ? "（" + payload.get("name") + "）" : "";
        List<WarningDraft.Evidence> evidence = new ArrayList<>();
        evidence.add(new WarningDraft.Evidence("交易", about, named.map(LogSubjects.Subject::href).orElse(null)));
        Map<String, Object> shown = new LinkedHashMap<>();
        payload.forEach((k, v) -> {
            if (LABELS.containsKey(k) && v != null && !(v instanceof Map)) {
                shown.put(k, v);
            }
        });
        shown.forEach((k, v) -> evidence.add(new WarningDraft.Evidence(LABELS.get(k), cut(String.valueOf(v), 1000), null)));
        evidence.add(new WarningDraft.Evidence("透明日志", "第 " + e.seq() + " 条", "/log?before=" + (e.seq() + 1)));
        Object rule = payload.get("rule");
        Object reason = payload.get("reason");
        return Optional.of(new WarningDraft(source.source(), action + "|" + e.seq(), source.severity(), region, null,
                lot(action, subject), cut(what + "：" + about + who, 300), reason == null ? null : cut(String.valueOf(reason), 2000),
                rule == null ? null : cut(String.valueOf(rule), 500), evidence, List.of(e.seq())));
    }

    /** The lot a log flag is about: its subject, for the contexts whose subjects are lots (tenders). */
    private static UUID lot(String action, String subject) {
        if (subject == null || !(action.startsWith("evaluation.") || action.startsWith("payments.")
                || action.startsWith("complaints.") || action.startsWith("tendering."))) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
