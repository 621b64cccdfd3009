package org.sunbid.platform.workbench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.ProcedureView;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.Amounts;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderingError;
import org.sunbid.platform.tendering.Tenders;

/**
 * 新建交易项目: one form for a project of any kind the platform can run. The owner chooses the kind and a runnable
 * procedure, and the form shows that procedure's limits from deals' rules in its labels and hints (≥ 20 日 to the
 * deadline, documents ≥ 5 工作日 in procurement, deposit ≤ 2 % of the lot's budget); the project's fields, then one row
 * per lot (added and removed by buttons that keep everything typed) with its tender terms. Saving goes through
 * {@link Tenders#createProject}, the service {@code POST /api/v1/projects} uses: one project and one draft tender per
 * lot, in one transaction. Errors are shown per field, with the input kept ({@link FormErrors}).
 */
@Controller
@RequestMapping("/workbench/projects")
class ProjectFormPages {

    private final Procedures procedures;
    private final Tenders tenders;
    private final Organisations organisations;
    private final Menus menus;
    private final Forms forms;
    private final PageMessages messages;
    private final MessageSource bundle;
    private final java.time.Clock clock;

    ProjectFormPages(Procedures procedures, Tenders tenders, Organisations organisations, Menus menus, Forms forms,
            PageMessages messages, MessageSource bundle, java.time.Clock clock) {
        this.procedures = procedures;
        this.tenders = tenders;
        this.organisations = organisations;
        this.menus = menus;
        this.forms = forms;
        this.messages = messages;
        this.bundle = bundle;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/tenders");
        model.addAttribute("menu", menus.of(user.role()));
    }

    /** One lot's row as typed. */
    record LotRow(String name, String budget, String deposit, String documentsUntil, String deadline, String venue,
            String method, String notice) {

        static LotRow suggested(Instant now, int no) {
            LocalDateTime today = LocalDateTime.ofInstant(now, FormErrors.BEIJING).withSecond(0).withNano(0);
            return new LotRow("", "", "", today.plusDays(9).withHour(17).withMinute(0).toString(),
                    today.plusDays(25).withHour(9).withMinute(30).toString(), "云州市公共资源交易中心 第一开标室",
                    EvaluationMethod.COMPREHENSIVE.name(), "");
        }
    }

    /**
     * The form's project fields as typed, all text so that a refused form comes back as typed. The lots' rows are read
     * by {@link #rows} (one value per row for each of their fields, in order).
     */
    record ProjectForm(String procedure, UUID tendereeId, String projectCode, String name, String category,
            String tenderCategory, String budget, String priceCap, String itemCode, String qualification, String validity) {
    }

    /**
     * The lots' rows as typed: each lot field is sent once per row (lotName, lotBudget, …). Read from the request
     * itself, since binding a single value to a list would split "12,000,000.00" at its commas.
     */
    static List<LotRow> rows(jakarta.servlet.http.HttpServletRequest request) {
        String[] names = request.getParameterValues("lotName");
        int n = names == null ? 0 : Math.min(names.length, 50);
        List<LotRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new LotRow(at(request, "lotName", i), at(request, "lotBudget", i), at(request, "lotDeposit", i),
                    at(request, "lotDocumentsUntil", i), at(request, "lotDeadline", i), at(request, "lotVenue", i),
                    at(request, "lotMethod", i), at(request, "lotNotice", i)));
        }
        return rows;
    }

    private static String at(jakarta.servlet.http.HttpServletRequest request, String field, int i) {
        String[] values = request.getParameterValues(field);
        return values != null && i < values.length ? values[i] : "";
    }

    /** What the template shows: the project's fields and the rows. */
    record FormView(String procedure, UUID tendereeId, String projectCode, String name, String category,
            String tenderCategory, String budget, String priceCap, String itemCode, String qualification, String validity,
            List<LotRow> lots) {

        static FormView of(ProjectForm f, List<LotRow> lots) {
            return new FormView(f.procedure(), f.tendereeId(), f.projectCode(), f.name(), f.category(), f.tenderCategory(),
                    f.budget(), f.priceCap(), f.itemCode(), f.qualification(), f.validity(), lots);
        }
    }

    /** The first step: choose the kind and the procedure; with {@code procedure} chosen, the whole form. */
    @GetMapping("/new")
    String newProject(CurrentUser user, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String procedure, Model model) {
        requireOwner(user);
        ProcedureView chosen = procedure == null || procedure.isBlank() ? null : runnable(procedure);
        String k = chosen != null ? chosen.kind().name() : kind;
        FormView form = null;
        if (chosen != null) {
            Instant now = clock.instant();
            boolean gp = chosen.kind() == DealKind.ZFCG;
            form = new FormView(chosen.code(), null, "", "", gp ? ProjectCategory.GOODS.name() : ProjectCategory.WORKS.name(),
                    gp ? "货物" : "房屋建筑工程", "", "", "", "", "90", List.of(LotRow.suggested(now, 1)));
        }
        return page(user, k, chosen, form, model);
    }

    @PostMapping
    String create(CurrentUser user, @ModelAttribute ProjectForm form, @RequestParam(required = false) String action,
            Model model, RedirectAttributes redirect, HttpServletResponse response,
            jakarta.servlet.http.HttpServletRequest request) {
        requireOwner(user);
        ProcedureView procedure = runnable(form.procedure());
        List<LotRow> rows = new ArrayList<>(rows(request));
        if (rows.isEmpty()) {
            rows.add(LotRow.suggested(clock.instant(), 1));
        }
        if ("add-lot".equals(action)) {
            rows.add(LotRow.suggested(clock.instant(), rows.size() + 1));
            return page(user, procedure.kind().name(), procedure, FormView.of(form, rows), model);
        }
        if (action != null && action.startsWith("remove-lot-")) {
            int i = Integer.parseInt(action.substring("remove-lot-".length()));
            if (i >= 0 && i < rows.size() && rows.size() > 1) {
                rows.remove(i);
            }
            return page(user, procedure.kind().name(), procedure, FormView.of(form, rows), model);
        }
        FormErrors errors = forms.errors();
        Tenders.NewTenderProject project = bind(form, procedure, rows, errors);
        if (project != null) {
            try {
                ProjectView created = tenders.createProject(project, form.tendereeId(), user);
                redirect.addFlashAttribute("done", "projects.form.created");
                return "redirect:/workbench/tenders/" + created.lots().get(0).id();
            } catch (DomainException e) {
                refused(e, project, procedure, errors, model);
            }
        }
        errors.show(model, response);
        return page(user, procedure.kind().name(), procedure, FormView.of(form, rows), model);
    }

    private Tenders.NewTenderProject bind(ProjectForm f, ProcedureView procedure, List<LotRow> rows, FormErrors errors) {
        boolean gp = procedure.kind() == DealKind.ZFCG;
        String code = errors.text("projectCode", "tender.code", f.projectCode());
        if (code != null && !code.matches("[A-Za-z0-9-]{3,36}")) {
            errors.expected("projectCode", "tender.code", "projects.form.expected.code");
        }
        String name = errors.text("name", "tenders.col.name", f.name());
        ProjectCategory category = null;
        try {
            category = ProjectCategory.valueOf(String.valueOf(f.category()));
        } catch (IllegalArgumentException e) {
            errors.expected("category", "project.category", "form.expected.required");
        }
        String tenderCategory = errors.text("tenderCategory", "tender.category", f.tenderCategory());
        Money budget = errors.amount("budget", "projects.form.budget", f.budget(), Amounts.Unit.YUAN);
        Money cap = null;
        if (gp && f.priceCap() != null && !f.priceCap().isBlank()) {
            cap = errors.amount("priceCap", "projects.form.price-cap", f.priceCap(), Amounts.Unit.YUAN);
            if (cap != null && budget != null && cap.isGreaterThan(budget)) {
                errors.expected("priceCap", "projects.form.price-cap", "projects.form.expected.cap");
            }
        }
        String item = gp ? blankToNull(f.itemCode()) : null;
        if (item != null && !item.matches("[A-Za-z0-9.]{1,40}")) {
            errors.expected("itemCode", "project.item-code", "projects.form.expected.item");
        }
        Integer validity = errors.integer("validity", "tenders.form.validity", f.validity(), true, 30, 365);
        List<TenderTerms> lots = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LotRow r = rows.get(i);
            String p = "lot" + i + "-";
            String lotName = errors.text(p + "name", lotLabel(i, "projects.form.lot.name"), r.name());
            Money lotBudget = errors.amount(p + "budget", lotLabel(i, "projects.form.lot.budget"), r.budget(), Amounts.Unit.YUAN);
            Money deposit = errors.amount(p + "deposit", lotLabel(i, "tenders.form.deposit"), r.deposit(), Amounts.Unit.YUAN);
            Instant documents = errors.dateTime(p + "documentsUntil", lotLabel(i, "tender.documents-until"), r.documentsUntil());
            Instant deadline = errors.dateTime(p + "deadline", lotLabel(i, "tender.deadline"), r.deadline());
            String venue = errors.text(p + "venue", lotLabel(i, "tender.venue"), r.venue());
            String notice = errors.text(p + "notice", lotLabel(i, "tender.notice"), r.notice());
            EvaluationMethod method;
            try {
                method = EvaluationMethod.valueOf(r.method());
            } catch (RuntimeException e) {
                method = EvaluationMethod.COMPREHENSIVE;
            }
            if (deadline != null && !deadline.isAfter(clock.instant())) { // Tender.draft refuses it too, without the lot
                errors.expected(p + "deadline", lotLabel(i, "tender.deadline"), "projects.form.expected.future");
            }
            if (documents != null && deadline != null && documents.isAfter(deadline)) {
                errors.expected(p + "documentsUntil", lotLabel(i, "tender.documents-until"), "projects.form.expected.documents");
            }
            if (!errors.any()) {
                lots.add(new TenderTerms(code + "-" + (i + 1), lotName, tenderCategory, lotBudget, deposit,
                        f.qualification() == null ? "" : f.qualification().strip(), method, deadline, venue, validity, documents,
                        notice, List.of(new TenderTerms.Lot(lotName, lotBudget))));
            }
        }
        if (errors.any()) {
            return null;
        }
        return new Tenders.NewTenderProject(procedure.kind().name(), procedure.code(), name, budget, cap, category, item, lots);
    }

    /**
     * A refusal by the service, put under the field it is about: the deposit ceiling (Reg. 26 / GPR Art. 33) under the
     * first lot whose deposit is above its procedure's DEPOSIT_MAX share of its budget (the lots are drafted in order,
     * so that is the one refused); a named field under that field; anything else above the form.
     */
    private void refused(DomainException e, Tenders.NewTenderProject project, ProcedureView procedure, FormErrors errors,
            Model model) {
        String message = messages.of(e);
        if (e.errorCode() == TenderingError.GPR_33_DEPOSIT_TOO_HIGH || e.errorCode() == TenderingError.REG_26_DEPOSIT_TOO_HIGH) {
            Limit max = procedures.rulesAt(procedure.code(), clock.instant()).limit(RuleKeys.DEPOSIT_MAX);
            for (int i = 0; i < project.lots().size(); i++) {
                TenderTerms t = project.lots().get(i);
                if (t.deposit().isGreaterThan(max.percentOf(t.estimatedPrice()))) {
                    errors.refused("lot" + i + "-deposit", lotLabel(i, "tenders.form.deposit"), message);
                    return;
                }
            }
        }
        String field = e.arguments().length > 0 && e.arguments()[0] instanceof String f ? f : null;
        Map<String, String> known = Map.of("name", "tenders.col.name", "budget", "projects.form.budget", "priceCap",
                "projects.form.price-cap", "itemCode", "project.item-code", "tendereeId", "tenders.form.tenderee",
                "projectCode", "tender.code");
        if (field != null && known.containsKey(field)) {
            errors.refused(field, known.get(field), message);
        } else {
            errors.refused("form", "projects.form.title", message);
        }
    }

    private String lotLabel(int i, String fieldKey) {
        Locale locale = LocaleContextHolder.getLocale();
        return bundle.getMessage("projects.form.lot.label", new Object[] {i + 1}, locale) + " "
                + bundle.getMessage(fieldKey, null, fieldKey, locale);
    }

    private String page(CurrentUser user, String kind, ProcedureView chosen, FormView form, Model model) {
        // a framework agreement (框架协议) starts on its own page, not as a tender project (issue 22)
        List<ProcedureView> runnable = procedures.all().stream().filter(ProcedureView::runnable)
                .filter(p -> !"FRAMEWORK".equals(p.method())).toList();
        model.addAttribute("kinds", java.util.Arrays.stream(DealKind.values())
                .filter(k -> runnable.stream().anyMatch(p -> p.kind() == k)).toList());
        model.addAttribute("kind", kind);
        model.addAttribute("procedures", runnable); // js/project-form.js offers the chosen kind's
        model.addAttribute("chosen", chosen);
        model.addAttribute("form", form);
        model.addAttribute("categories", ProjectCategory.values());
        model.addAttribute("methods", EvaluationMethod.values());
        model.addAttribute("tenderees", user.role() == Role.AGENCY ? organisations.tenderees() : List.of());
        model.addAttribute("limits", chosen == null ? Map.of() : limits(chosen));
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("formError")) {
            model.addAttribute("formError", null);
        }
        return "workbench/project-new";
    }

    /**
     * The chosen procedure's limits for the labels and hints, from deals' rules in force today: rule key → "20 日
     * （《招标投标法》第二十四条）".
     */
    private Map<String, String> limits(ProcedureView procedure) {
        ProcedureRules rules = procedures.rules(procedure.code(), Limit.beijingDate(clock.instant()));
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> shown = new LinkedHashMap<>();
        for (String key : List.of(RuleKeys.BIDDING_PERIOD, RuleKeys.DOCUMENT_PERIOD, RuleKeys.DEPOSIT_MAX,
                RuleKeys.NOTICE_PERIOD)) {
            rules.find(key).ifPresent(l -> shown.put(key, bundle.getMessage("projects.form.limit", new Object[] {l.plain(),
                    bundle.getMessage("LimitUnit." + l.unit().name(), null, l.unit().name(), locale), l.article()}, locale)));
        }
        return shown;
    }

    private ProcedureView runnable(String code) {
        ProcedureView p = procedures.get(code);
        if (!p.runnable() || "FRAMEWORK".equals(p.method())) {
            throw new DomainException(org.sunbid.platform.deals.DealsError.DEALS_PROCEDURE_NOT_RUNNABLE, p.code());
        }
        return p;
    }

    private static void requireOwner(CurrentUser user) {
        if (user.role() != Role.TENDEREE && user.role() != Role.AGENCY) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
