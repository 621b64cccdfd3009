package org.sunbid.platform.audit.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    @GetMapping("/log")
    String page(Model model) {
        model.addAttribute("head", log.currentHead());
        model.addAttribute("entries", log.newest(50).stream().map(this::row).toList());
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
