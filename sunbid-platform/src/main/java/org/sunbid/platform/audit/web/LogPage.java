package org.sunbid.platform.audit.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.LogEntry;
import tools.jackson.databind.json.JsonMapper;

/** The public page of the transparency log (全程留痕): the signed head, the newest entries, how to verify. */
@Controller
class LogPage {

    private final AuditLog log;
    private final JsonMapper json;

    LogPage(AuditLog log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    /** An entry as the page shows it; action, subject and actor are empty while sealed. */
    record Row(long seq, java.time.Instant appendedAt, String action, String subject, String region, String actor,
            boolean sealed, String leafHash) {
    }

    static final int PAGE = 50;

    /** The newest entries, or with {@code before} the page of entries older than that sequence number. */
    @GetMapping("/log")
    String page(@RequestParam(required = false) Long before, Model model) {
        var head = log.currentHead();
        long end = before == null ? head.size() : Math.max(0, Math.min(before, head.size()));
        List<Row> entries = log.newestBefore(end, PAGE).stream().map(this::row).toList();
        model.addAttribute("head", head);
        model.addAttribute("entries", entries);
        model.addAttribute("latest", end == head.size());
        long oldest = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        model.addAttribute("older", oldest > 0 ? oldest : null);
        model.addAttribute("newer", end == head.size() ? null : Math.min(head.size(), end + PAGE));
        return "portal/log";
    }

    private Row row(LogEntry entry) {
        if (entry.details() == null) {
            return new Row(entry.seq(), entry.appendedAt(), null, null, null, null, true, entry.leafHash());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = json.readValue(entry.details(), Map.class);
        return new Row(entry.seq(), entry.appendedAt(), (String) details.get("action"), (String) details.get("subject"),
                (String) details.get("region"), (String) details.get("actor"), false, entry.leafHash());
    }

}
