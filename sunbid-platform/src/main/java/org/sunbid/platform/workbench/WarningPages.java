package org.sunbid.platform.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.DealStatuses;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.warnings.Decision;
import org.sunbid.platform.supervision.warnings.WarningFilter;
import org.sunbid.platform.supervision.warnings.WarningQueue;
import org.sunbid.platform.supervision.warnings.WarningStatus;
import org.sunbid.platform.supervision.warnings.WarningView;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The supervisors' warning queue in the workbench (监督预警, issue 19): the queue of the user's regions with filters,
 * a warning's page with its evidence, steps and the forms of the next step (only for a supervisor of its region), and
 * the real-time monitoring page (实时监控). Centre staff and the administrator see; every rule is supervision's own.
 */
@Controller
@RequestMapping("/workbench/supervision")
class WarningPages {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final WarningQueue warnings;
    private final Regions regions;
    private final Forms forms;
    private final Problems problems;
    private final Menus menus;
    private final Tenders tenders;
    private final DealStatuses statuses;
    private final Clock clock;

    WarningPages(WarningQueue warnings, Regions regions, Forms forms, Problems problems, Menus menus, Tenders tenders,
            DealStatuses statuses, Clock clock) {
        this.warnings = warnings;
        this.regions = regions;
        this.forms = forms;
        this.problems = problems;
        this.menus = menus;
        this.tenders = tenders;
        this.statuses = statuses;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        model.addAttribute("user", user);
        model.addAttribute("activePath", path.replaceFirst("^(/workbench/supervision/warnings)/.*$", "$1"));
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("regionNames", regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("severities", WarningDraft.Severity.values());
        model.addAttribute("warningStatuses", WarningStatus.values());
        model.addAttribute("decisions", Decision.values());
    }

    // --- the queue -------------------------------------------------------------------------------------------------

    @GetMapping("/warnings")
    String queue(CurrentUser user, @RequestParam(required = false) String status, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String source, @RequestParam(required = false) String minAge,
            @RequestParam(required = false) String maxAge, @RequestParam(required = false) String overdue, Model model) {
        String shownStatus = status == null ? WarningFilter.OPEN_ONLY : status; // the queue opens on what is not closed
        WarningFilter filter;
        try {
            filter = WarningFilter.parse(shownStatus, severity, source, minAge, maxAge, overdue);
        } catch (DomainException e) {
            model.addAttribute("filterError", problems.message(e.errorCode(), e.arguments()));
            filter = WarningFilter.parse(WarningFilter.OPEN_ONLY, null, null, null, null, null);
        }
        List<WarningView> list = warnings.queue(user, filter, 500);
        model.addAttribute("warnings", list);
        model.addAttribute("status", shownStatus);
        model.addAttribute("severity", severity == null ? "" : severity);
        model.addAttribute("source", source == null ? "" : source);
        model.addAttribute("minAge", minAge == null ? "" : minAge);
        model.addAttribute("maxAge", maxAge == null ? "" : maxAge);
        model.addAttribute("overdue", "true".equals(overdue));
        model.addAttribute("sources", warnings.sources(user));
        return "workbench/supervision-warnings";
    }

    // --- one warning -----------------------------------------------------------------------------------------------

    @GetMapping("/warnings/{id}")
    String warning(CurrentUser user, @PathVariable UUID id, Model model) {
        WarningView w = warnings.get(id, user);
        model.addAttribute("w", w);
        model.addAttribute("mayAct", warnings.mayAct(user, w));
        model.addAttribute("today", LocalDate.now(clock.withZone(BEIJING)));
        model.addAttribute("creditClasses", org.sunbid.platform.credit.CreditClass.values());
        model.addAttribute("creditGates", org.sunbid.platform.credit.Gate.values());
        for (String field : List.of("note", "reason", "basis", "decision", "correctionDue", "partyName", "partyCreditCode",
                "creditClass", "restrictionLastDay", "document")) {
            if (!model.containsAttribute(field)) {
                model.addAttribute(field, "");
            }
        }
        return "workbench/supervision-warning";
    }

    /** Triage: {@code action=accept} (立案调查) or {@code action=dismiss} (不予立案, with reason and basis). */
    @PostMapping("/warnings/{id}/triage")
    String triage(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String basis, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(user, id, model, response, redirect, "triage-reason", Map.of("reason", nz(reason), "basis", nz(basis)), () -> {
            if ("dismiss".equals(action)) {
                warnings.dismiss(id, reason, basis, user);
                return "warning.done.dismissed";
            }
            warnings.accept(id, reason, user);
            return "warning.done.accepted";
        });
    }

    @PostMapping("/warnings/{id}/notes")
    String note(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String note, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(user, id, model, response, redirect, "note", Map.of("note", nz(note)), () -> {
            warnings.note(id, note, user);
            return "warning.done.noted";
        });
    }

    @PostMapping("/warnings/{id}/decision")
    String decide(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String basis,
            @RequestParam(required = false) String correctionDue, @RequestParam(required = false) String partyName,
            @RequestParam(required = false) String partyCreditCode, @RequestParam(required = false) String creditClass,
            @RequestParam(required = false) String restrictionLastDay, @RequestParam(required = false) List<String> gates,
            @RequestParam(required = false) String document, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("decision", nz(decision));
        typed.put("reason", nz(reason));
        typed.put("basis", nz(basis));
        typed.put("correctionDue", nz(correctionDue));
        typed.put("partyName", nz(partyName));
        typed.put("partyCreditCode", nz(partyCreditCode));
        typed.put("creditClass", nz(creditClass));
        typed.put("restrictionLastDay", nz(restrictionLastDay));
        typed.put("document", nz(document));
        return step(user, id, model, response, redirect, "decision-reason", typed, () -> {
            Decision d = decision == null || decision.isBlank() ? null : Decision.valueOf(decision.strip());
            LocalDate due = null;
            if (correctionDue != null && !correctionDue.isBlank()) {
                try {
                    due = LocalDate.parse(correctionDue.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new DomainException(org.sunbid.platform.supervision.warnings.WarningError.WARNING_CORRECTION_DUE_INVALID,
                            correctionDue);
                }
            }
            // issue 20: the sanction's credit terms, each optional (defaulting from the basis)
            org.sunbid.platform.credit.CreditClass cls = creditClass == null || creditClass.isBlank() ? null
                    : org.sunbid.platform.credit.CreditClass.valueOf(creditClass.strip());
            LocalDate lastDay;
            try {
                lastDay = restrictionLastDay == null || restrictionLastDay.isBlank() ? null : LocalDate.parse(restrictionLastDay.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new DomainException(org.sunbid.platform.supervision.warnings.WarningError.WARNING_PARAMETER_INVALID,
                        "restrictionLastDay", restrictionLastDay);
            }
            java.util.Set<org.sunbid.platform.credit.Gate> gateSet = gates == null || gates.isEmpty() ? null
                    : gates.stream().map(g -> org.sunbid.platform.credit.Gate.valueOf(g.strip()))
                            .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(org.sunbid.platform.credit.Gate.class)));
            warnings.decide(id, new WarningQueue.DecisionForm(d, reason, basis, due, partyCreditCode, partyName, cls, lastDay, gateSet,
                    document == null || document.isBlank() ? null : document), user);
            return "warning.done.decided";
        });
    }

    @PostMapping("/warnings/{id}/correction")
    String corrected(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String note, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(user, id, model, response, redirect, "correction-note", Map.of("note", nz(note)), () -> {
            warnings.corrected(id, note, user);
            return "warning.done.corrected";
        });
    }

    /**
     * Runs one step: done, back to the warning with a message; refused by a rule, the page again with the reason under
     * the form's field and what was typed; not found or forbidden, the error page.
     */
    private String step(CurrentUser user, UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect,
            String field, Map<String, String> typed, java.util.function.Supplier<String> action) {
        FormErrors errors = forms.errors();
        try {
            redirect.addFlashAttribute("done", action.get());
            return "redirect:/workbench/supervision/warnings/" + id;
        } catch (DomainException e) {
            if (e.errorCode().httpStatus() == 404 || e.errorCode().httpStatus() == 403) {
                throw e;
            }
            errors.refused(field, "warning.field." + field, problems.message(e.errorCode(), e.arguments()));
        } catch (IllegalArgumentException e) { // a decision not among the choices
            errors.refused(field, "warning.field." + field, problems.message(
                    org.sunbid.platform.supervision.warnings.WarningError.WARNING_PARAMETER_INVALID, "decision", typed.get("decision")));
        }
        errors.show(model, response);
        typed.forEach(model::addAttribute);
        return warning(user, id, model);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // --- real-time monitoring --------------------------------------------------------------------------------------

    /** A deal on the monitoring page. */
    record Deal(TenderView tender, DealStage stage) {
    }

    /** Open warnings of one severity by age band (under 1 day, 1–7, 7–30, 30 and more). */
    record AgeRow(WarningDraft.Severity severity, List<Long> bands, long total) {
    }

    @GetMapping("/monitor")
    String monitor(CurrentUser user, Model model) {
        WarningQueue.Summary summary = warnings.summary(user); // first: a user without a queue is forbidden the page
        List<String> watched = user.seesAllRegions() ? null : regions.subtreeCodes(user.regionCode());
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        Map<DealStage, Long> byStage = new EnumMap<>(DealStage.class);
        List<Deal> openings = new ArrayList<>();
        List<Deal> evaluating = new ArrayList<>();
        for (TenderView t : tenders.published(200)) {
            if (watched != null && !watched.contains(t.regionCode())) {
                continue;
            }
            DealStage stage = statuses.of(t);
            if (stage.isOver() || stage == DealStage.DRAFT) {
                continue;
            }
            byStage.merge(stage, 1L, Long::sum);
            if (t.bidDeadline() != null && t.bidDeadline().atZone(BEIJING).toLocalDate().equals(today)) {
                openings.add(new Deal(t, stage));
            }
            if (stage == DealStage.EVALUATING) {
                evaluating.add(new Deal(t, stage));
            }
        }
        openings.sort(java.util.Comparator.comparing(d -> d.tender().bidDeadline()));
        List<AgeRow> ages = new ArrayList<>();
        summary.bySeverity().forEach((severity, bands) -> ages.add(new AgeRow(severity, bands,
                bands.stream().mapToLong(Long::longValue).sum())));
        model.addAttribute("byStage", byStage);
        model.addAttribute("inProgress", byStage.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("openings", openings);
        model.addAttribute("evaluating", evaluating);
        model.addAttribute("ages", ages);
        model.addAttribute("openWarnings", summary.open());
        model.addAttribute("overdueCorrections", summary.overdue());
        model.addAttribute("untriaged", summary.untriaged());
        model.addAttribute("now", clock.instant());
        return "workbench/supervision-monitor";
    }
}
