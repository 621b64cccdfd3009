package org.sunbid.platform.workbench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.kernel.Amounts;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.supervision.Category;
import org.sunbid.platform.supervision.ExemptionView;
import org.sunbid.platform.supervision.Exemptions;
import org.sunbid.platform.supervision.MustTradeCatalogue;
import org.sunbid.platform.supervision.OffPlatformDealView;
import org.sunbid.platform.supervision.OffPlatformDeals;
import org.sunbid.platform.supervision.SupervisionError;

/**
 * Supervision in the workbench: owners apply for exemptions (不进场交易) and declare and report deals made off the
 * platform (场外交易); the region's supervisor decides exemptions one by one and sees the flags. Forms bind as strings
 * through {@link FormErrors}; every rule is the supervision context's own.
 */
@Controller
@RequestMapping("/workbench/supervision")
class SupervisionPages {

    private final Exemptions exemptions;
    private final OffPlatformDeals deals;
    private final Regions regions;
    private final Forms forms;
    private final Problems problems;
    private final Menus menus;

    SupervisionPages(Exemptions exemptions, OffPlatformDeals deals, Regions regions, Forms forms, Problems problems,
            Menus menus) {
        this.exemptions = exemptions;
        this.deals = deals;
        this.regions = regions;
        this.forms = forms;
        this.problems = problems;
        this.menus = menus;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        model.addAttribute("user", user);
        model.addAttribute("activePath", path.replaceFirst("^(/workbench/supervision/(exemptions|off-platform))/.*$", "$1"));
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("regionNames", regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("kinds", DealKind.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("regions", regions.all());
        model.addAttribute("isOwner", user.role() == Role.TENDEREE);
    }

    // --- exemptions ------------------------------------------------------------------------------------------------

    /** The exemption form's fields, as typed. */
    record ExemptionForm(String kind, String category, String itemCode, String projectCode, String projectName,
            String regionCode, String value, String reason, String basis) {
        static ExemptionForm empty(CurrentUser user) {
            return new ExemptionForm("", "", "", "", "", "", "", "", "");
        }
    }

    @GetMapping("/exemptions")
    String exemptions(CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ExemptionForm.empty(user));
        }
        model.addAttribute("exemptions", exemptions.visibleTo(user));
        return "workbench/supervision-exemptions";
    }

    @PostMapping("/exemptions")
    String apply(CurrentUser user, @ModelAttribute("form") ExemptionForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        FormErrors errors = forms.errors();
        Facts facts = facts(errors, form.kind(), form.category(), form.projectCode(), form.projectName(), form.regionCode(),
                form.value());
        // 不进场交易须说明理由和法律依据: the rule's own message under each missing field
        String basisRequired = problems.message(SupervisionError.EXEMPTION_BASIS_REQUIRED);
        if (blank(form.reason())) {
            errors.refused("reason", "supervision.field.reason", basisRequired);
        }
        if (blank(form.basis())) {
            errors.refused("basis", "supervision.field.basis", basisRequired);
        }
        if (!errors.any()) {
            try {
                ExemptionView created = exemptions.apply(new Exemptions.Application(facts.kind(), facts.category(), form.itemCode(),
                        facts.code(), facts.name(), facts.region(), facts.value(), form.reason(), form.basis()), user);
                redirect.addFlashAttribute("done", "supervision.done.applied");
                return "redirect:/workbench/supervision/exemptions/" + created.id();
            } catch (DomainException e) {
                refuse(errors, e, "value", "supervision.field.value");
            }
        }
        errors.show(model, response);
        return exemptions(user, model);
    }

    @GetMapping("/exemptions/{id}")
    String exemption(CurrentUser user, @PathVariable UUID id, Model model) {
        ExemptionView e = exemptions.get(id, user);
        model.addAttribute("e", e);
        model.addAttribute("mayDecide", exemptions.awaitsDecisionBy(e, user));
        if (!model.containsAttribute("decisionReason")) {
            model.addAttribute("decisionReason", "");
        }
        return "workbench/supervision-exemption";
    }

    /** The supervisor approves ({@code decision=approve}) or returns ({@code decision=return}) one exemption. */
    @PostMapping("/exemptions/{id}/decision")
    String decide(CurrentUser user, @PathVariable UUID id, @org.springframework.web.bind.annotation.RequestParam(required = false)
            String decision, @org.springframework.web.bind.annotation.RequestParam(required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FormErrors errors = forms.errors();
        try {
            if ("return".equals(decision)) {
                exemptions.returnIt(id, reason, user);
                redirect.addFlashAttribute("done", "supervision.done.returned");
            } else {
                exemptions.approve(id, reason, user);
                redirect.addFlashAttribute("done", "supervision.done.approved");
            }
            return "redirect:/workbench/supervision/exemptions/" + id;
        } catch (DomainException e) {
            if (e.errorCode().httpStatus() == 404 || e.errorCode().httpStatus() == 403) {
                throw e;
            }
            errors.refused("decision-reason", "supervision.field.decisionReason", problems.message(e.errorCode(), e.arguments()));
        }
        errors.show(model, response);
        model.addAttribute("decisionReason", reason == null ? "" : reason);
        return exemption(user, id, model);
    }

    // --- off-platform deals ----------------------------------------------------------------------------------------

    /** The declaration form's fields, as typed; the result fields are optional (filled: reported at once). */
    record DeclarationForm(String kind, String category, String itemCode, String projectCode, String projectName,
            String regionCode, String value, String resultExpectedOn, String exemptionId, String resultOn, String resultValue,
            String counterparty, String summary) {
        static DeclarationForm empty() {
            return new DeclarationForm("", "", "", "", "", "", "", "", "", "", "", "", "");
        }

        boolean hasResult() {
            return !blank(resultOn) || !blank(resultValue) || !blank(counterparty);
        }
    }

    /** The report form's fields. */
    record ReportForm(String resultOn, String resultValue, String counterparty, String summary) {
        static ReportForm empty() {
            return new ReportForm("", "", "", "");
        }
    }

    @GetMapping("/off-platform")
    String offPlatform(CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DeclarationForm.empty());
        }
        model.addAttribute("deals", deals.visibleTo(user));
        model.addAttribute("approvedExemptions", user.role() == Role.TENDEREE ? exemptions.visibleTo(user).stream()
                .filter(e -> e.status() == ExemptionView.Status.APPROVED).toList() : List.of());
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        return "workbench/supervision-offplatform";
    }

    @PostMapping("/off-platform")
    String declare(CurrentUser user, @ModelAttribute("form") DeclarationForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        FormErrors errors = forms.errors();
        Facts facts = facts(errors, form.kind(), form.category(), form.projectCode(), form.projectName(), form.regionCode(),
                form.value());
        LocalDate expected = date(errors, "resultExpectedOn", "supervision.field.resultExpectedOn", form.resultExpectedOn(), false);
        UUID exemption = null;
        if (!blank(form.exemptionId())) {
            try {
                exemption = UUID.fromString(form.exemptionId().strip());
            } catch (IllegalArgumentException e) {
                errors.expected("exemptionId", "supervision.field.exemption", "form.expected.required");
            }
        }
        OffPlatformDeals.Result result = form.hasResult() ? result(errors, form.resultOn(), form.resultValue(),
                form.counterparty(), form.summary()) : null;
        if (!errors.any()) {
            try {
                OffPlatformDealView created = deals.declare(new OffPlatformDeals.Declaration(facts.kind(), facts.category(),
                        form.itemCode(), facts.code(), facts.name(), facts.region(), facts.value(), expected, exemption), result, user);
                redirect.addFlashAttribute("done", result == null ? "supervision.done.declared" : "supervision.done.reported");
                return "redirect:/workbench/supervision/off-platform/" + created.id();
            } catch (DomainException e) {
                refuse(errors, e, "exemptionId", "supervision.field.exemption");
            }
        }
        errors.show(model, response);
        return offPlatform(user, model);
    }

    @GetMapping("/off-platform/{id}")
    String offPlatformDeal(CurrentUser user, @PathVariable UUID id, Model model) {
        OffPlatformDealView d = deals.get(id, user);
        model.addAttribute("d", d);
        model.addAttribute("mayReport", d.status() == OffPlatformDealView.Status.DECLARED && user.role() == Role.TENDEREE
                && d.ownerId().equals(user.organisationId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ReportForm.empty());
        }
        return "workbench/supervision-offplatform-deal";
    }

    @PostMapping("/off-platform/{id}/report")
    String report(CurrentUser user, @PathVariable UUID id, @ModelAttribute("form") ReportForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FormErrors errors = forms.errors();
        OffPlatformDeals.Result result = result(errors, form.resultOn(), form.resultValue(), form.counterparty(), form.summary());
        if (!errors.any()) {
            try {
                deals.report(id, result, user);
                redirect.addFlashAttribute("done", "supervision.done.reported");
                return "redirect:/workbench/supervision/off-platform/" + id;
            } catch (DomainException e) {
                if (e.errorCode().httpStatus() == 404 || e.errorCode().httpStatus() == 403) {
                    throw e;
                }
                refuse(errors, e, "resultOn", "supervision.field.resultOn");
            }
        }
        errors.show(model, response);
        return offPlatformDeal(user, id, model);
    }

    // --- flags -----------------------------------------------------------------------------------------------------

    @GetMapping("/flags")
    String flags(CurrentUser user, Model model) {
        model.addAttribute("flags", deals.flags(user));
        model.addAttribute("splits", deals.splits(user, List.of()));
        return "workbench/supervision-flags";
    }

    // --- binding ---------------------------------------------------------------------------------------------------

    /** The project facts both owner forms ask (kind, category, code, name, region, value), each error under its field. */
    private record Facts(DealKind kind, Category category, String code, String name, String region, BigDecimal value) {
    }

    private Facts facts(FormErrors errors, String kind, String category, String code, String name, String region, String value) {
        return new Facts(kind(errors, kind), category(errors, category),
                errors.text("projectCode", "supervision.field.projectCode", code),
                errors.text("projectName", "supervision.field.projectName", name),
                errors.text("regionCode", "supervision.field.region", region),
                yuan(errors, "value", "supervision.field.value", value));
    }

    private OffPlatformDeals.Result result(FormErrors errors, String on, String value, String counterparty, String summary) {
        LocalDate resultOn = date(errors, "resultOn", "supervision.field.resultOn", on, true);
        BigDecimal resultValue = yuan(errors, "resultValue", "supervision.field.resultValue", value);
        String who = errors.text("counterparty", "supervision.field.counterparty", counterparty);
        return new OffPlatformDeals.Result(resultOn, resultValue, who, summary);
    }

    private DealKind kind(FormErrors errors, String typed) {
        if (blank(typed)) {
            errors.expected("kind", "supervision.field.kind", "form.expected.required");
            return null;
        }
        try {
            return MustTradeCatalogue.kind(typed);
        } catch (DomainException e) {
            errors.refused("kind", "supervision.field.kind", problems.message(e.errorCode(), e.arguments()));
            return null;
        }
    }

    private Category category(FormErrors errors, String typed) {
        if (blank(typed)) {
            errors.expected("category", "supervision.field.category", "form.expected.required");
            return null;
        }
        try {
            return MustTradeCatalogue.category(typed);
        } catch (DomainException e) {
            errors.refused("category", "supervision.field.category", problems.message(e.errorCode(), e.arguments()));
            return null;
        }
    }

    private static BigDecimal yuan(FormErrors errors, String field, String label, String typed) {
        org.sunbid.platform.kernel.Money money = errors.amount(field, label, typed, Amounts.Unit.YUAN);
        return money == null ? null : money.yuan();
    }

    private static LocalDate date(FormErrors errors, String field, String label, String typed, boolean required) {
        if (blank(typed)) {
            if (required) {
                errors.expected(field, label, "form.expected.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.expected(field, label, "form.expected.date");
            return null;
        }
    }

    /** A refusal by a rule: under the field it concerns (a named field, the region, or {@code field}). */
    private void refuse(FormErrors errors, DomainException e, String field, String label) {
        String message = problems.message(e.errorCode(), e.arguments());
        if (e.errorCode() == org.sunbid.platform.catalog.CatalogError.REGION_NOT_FOUND) {
            errors.refused("regionCode", "supervision.field.region", message);
        } else if (e.errorCode() == SupervisionError.SUPERVISION_FIELD_INVALID && e.arguments().length == 1) {
            String named = String.valueOf(e.arguments()[0]);
            errors.refused(named, "supervision.field." + named, message);
        } else if (e.errorCode() == org.sunbid.platform.kernel.CommonError.INVALID_AMOUNT) {
            errors.refused("value", "supervision.field.value", message);
        } else {
            errors.refused(field, label, message);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
