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
    private final org.springframework.beans.factory.ObjectProvider<org.sunbid.platform.audit.LogSubjects> subjects;

    LogPage(AuditLog log, JsonMapper json, org.springframework.beans.factory.ObjectProvider<org.sunbid.platform.audit.LogSubjects> subjects) {
        this.log = log;
        this.json = json;
        this.subjects = subjects;
    }

    /**
     * An entry as the page shows it; action, subject and actor are empty while sealed. People read the subject's label
     * (linking its page) and the actor's organisation; the identifiers stay in the row's details fold.
     */
    record Row(long seq, java.time.Instant appendedAt, String action, String subject, String region, String actor,
            boolean sealed, String leafHash, String subjectLabel, String subjectHref, String actorOrganisation) {
    }

    static final int PAGE = 50;

    /** The newest entries, or with {@code before} the page of entries older than that sequence number. */
    @GetMapping("/log")
    String page(@RequestParam(required = false) Long before, Model model) {
        var head = log.currentHead();
        long end = before == null ? head.size() : Math.max(0, Math.min(before, head.size()));
        Map<String, java.util.Optional<org.sunbid.platform.audit.LogSubjects.Subject>> named = new java.util.HashMap<>();
        Map<String, java.util.Optional<String>> organisations = new java.util.HashMap<>();
        List<Row> entries = log.newestBefore(end, PAGE).stream().map(e -> row(e, named, organisations)).toList();
        model.addAttribute("head", head);
        model.addAttribute("entries", entries);
        model.addAttribute("latest", end == head.size());
        long oldest = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        model.addAttribute("older", oldest > 0 ? oldest : null);
        model.addAttribute("newer", end == head.size() ? null : Math.min(head.size(), end + PAGE));
        return "portal/log";
    }

    private Row row(LogEntry entry, Map<String, java.util.Optional<org.sunbid.platform.audit.LogSubjects.Subject>> named,
            Map<String, java.util.Optional<String>> organisations) {
        if (entry.details() == null) {
            return new Row(entry.seq(), entry.appendedAt(), null, null, null, null, true, entry.leafHash(), null, null, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = json.readValue(entry.details(), Map.class);
        String action = (String) details.get("action");
        String subject = (String) details.get("subject");
        org.sunbid.platform.audit.LogSubjects names = subjects.getIfAvailable();
        var described = names == null || action == null ? java.util.Optional.<org.sunbid.platform.audit.LogSubjects.Subject>empty()
                : named.computeIfAbsent(action.substring(0, Math.max(0, action.indexOf('.'))) + "|" + action + "|" + subject,
                        k -> names.describe(action, subject));
        String organisationId = (String) details.get("organisationId");
        String organisation = names == null || organisationId == null ? null
                : organisations.computeIfAbsent(organisationId, names::organisationName).orElse(null);
        return new Row(entry.seq(), entry.appendedAt(), action, subject, (String) details.get("region"),
                (String) details.get("actor"), false, entry.leafHash(), described.map(s -> s.label()).orElse(null),
                described.map(s -> s.href()).orElse(null), organisation);
    }

}
