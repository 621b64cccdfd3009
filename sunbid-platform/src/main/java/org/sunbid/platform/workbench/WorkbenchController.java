package org.sunbid.platform.workbench;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.BasicAccounts;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;

/** The workbench pages. URL rules in the security configuration decide who reaches which; services scope the data. */
@Controller
@RequestMapping("/workbench")
class WorkbenchController {

    private final Organisations organisations;
    private final Certificates certificates;
    private final BasicAccounts basicAccounts;
    private final Regions regions;
    private final Experts experts;
    private final Problems problems;
    private final Menus menus;
    private final org.sunbid.platform.audit.AuditLog auditLog;
    private final tools.jackson.databind.json.JsonMapper json;
    private final Todos todos;

    /**
     * What the log raises for supervisors and the centre: scores far from the others, late contracts and refunds,
     * filings of tender documents decided after the region's time limit.
     */
    static final java.util.List<String> FLAGS = java.util.List.of("evaluation.extreme-score", "evaluation.contract.overdue",
            "payments.refund.overdue", "payments.deposit.not-basic-account",
            org.sunbid.platform.tendering.TenderFilings.OVERDUE, org.sunbid.platform.tendering.MethodApprovals.OVERDUE,
            "complaints.step.overdue", "complaints.unfounded.repeated");

    /** A flag as the home page shows it. */
    record Flag(long seq, java.time.Instant at, String action, String tenderId, String who, String detail) {
    }

    WorkbenchController(Organisations organisations, Certificates certificates, BasicAccounts basicAccounts, Regions regions,
            Experts experts, Problems problems, Menus menus, org.sunbid.platform.audit.AuditLog auditLog,
            tools.jackson.databind.json.JsonMapper json, Todos todos) {
        this.todos = todos;
        this.basicAccounts = basicAccounts;
        this.auditLog = auditLog;
        this.json = json;
        this.menus = menus;
        this.organisations = organisations;
        this.certificates = certificates;
        this.regions = regions;
        this.experts = experts;
        this.problems = problems;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("regionNames", regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
    }

    @GetMapping
    String home(CurrentUser user, Model model) {
        model.addAttribute("region", regions.get(user.regionCode()));
        if (user.organisationId() != null) {
            Organisation organisation = organisations.get(user.organisationId(), user);
            model.addAttribute("organisation", organisation);
            model.addAttribute("certificates", certificates.ofOrganisation(organisation.id(), user));
            model.addAttribute("basicAccounts", basicAccounts.history(organisation.id(), user));
            if (!model.containsAttribute("basicAccountForm")) {
                model.addAttribute("basicAccountForm", new BasicAccountForm("", ""));
            }
        } else {
            model.addAttribute("certificates", certificates.ofAccount(user.accountId()));
        }
        model.addAttribute("todos", todos.of(user));
        model.addAttribute("now", todos.now());
        model.addAttribute("flags", java.util.List.of());
        if (user.seesRegionSubtree() || user.seesAllRegions()) {
            java.util.List<String> scope = user.seesAllRegions() ? regions.all().stream().map(Region::code).toList()
                    : regions.subtreeCodes(user.regionCode());
            model.addAttribute("flags", auditLog.withActions(FLAGS, scope, 20).stream().map(this::flag).toList());
        }
        experts.ofAccount(user.accountId()).ifPresent(profile -> {
            model.addAttribute("expert", profile);
            organisations.find(profile.employerId()).ifPresent(o -> model.addAttribute("employer", o));
        });
        return "workbench/home";
    }

    @SuppressWarnings("unchecked")
    private Flag flag(org.sunbid.platform.audit.LogEntry entry) {
        java.util.Map<String, Object> details = json.readValue(entry.details(), java.util.Map.class);
        java.util.Map<String, Object> payload = entry.payload() == null ? java.util.Map.of() : json.readValue(entry.payload(), java.util.Map.class);
        String who = payload.get("project") != null ? String.valueOf(payload.get("project"))
                : payload.get("name") != null ? payload.get("name") + " → " + payload.getOrDefault("bidder", "")
                : String.valueOf(payload.getOrDefault("bidder", payload.getOrDefault("winner", "")));
        String detail = payload.get("reason") != null ? String.valueOf(payload.get("reason"))
                : String.valueOf(payload.getOrDefault("dueAt", payload.getOrDefault("contractDue", "")));
        return new Flag(entry.seq(), entry.appendedAt(), String.valueOf(details.get("action")), String.valueOf(details.get("subject")),
                who, detail);
    }

    /** The basic account form's fields (基本账户, Reg. 26). */
    record BasicAccountForm(String bankName, String accountNumber) {
    }

    /** The organisation's own staff register its basic account; a bad input shows the form again with the reason. */
    @PostMapping("/basic-account")
    String registerBasicAccount(CurrentUser user, @ModelAttribute BasicAccountForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (user.organisationId() == null) {
                throw new DomainException(org.sunbid.platform.kernel.CommonError.FORBIDDEN);
            }
            basicAccounts.register(user.organisationId(), form.bankName(), form.accountNumber(), user);
            redirect.addFlashAttribute("basicAccountSaved", true);
            return "redirect:/workbench#basic-account";
        } catch (DomainException e) {
            response.setStatus(e.errorCode().httpStatus() == 403 ? 403 : 422);
            model.addAttribute("basicAccountError", problems.message(e.errorCode(), e.arguments()));
            model.addAttribute("basicAccountForm", form);
            return home(user, model);
        }
    }

    /** The registration form's fields. */
    record OrganisationForm(String creditCode, String name, OrganisationKind kind, String regionCode) {
        static OrganisationForm empty() {
            return new OrganisationForm("", "", OrganisationKind.BIDDER, null);
        }
    }

    @GetMapping("/organisations")
    String organisations(CurrentUser user, @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) String region, Model model) {
        return organisationsPage(user, kind, emptyToNull(region), OrganisationForm.empty(), model);
    }

    @PostMapping("/organisations")
    String register(CurrentUser user, @ModelAttribute OrganisationForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Organisation created = organisations.register(new Organisations.Registration(form.creditCode(),
                    form.name() == null ? "" : form.name(), form.kind() == null ? OrganisationKind.OTHER : form.kind(),
                    form.regionCode()), user);
            redirect.addFlashAttribute("registered", created.name());
            return "redirect:/workbench/organisations";
        } catch (DomainException e) {
            response.setStatus(e.errorCode().httpStatus() == 409 ? 409 : 422);
            model.addAttribute("formError", problems.message(e.errorCode(), e.arguments()));
            return organisationsPage(user, null, null, form, model);
        }
    }

    @GetMapping("/organisations/{id}")
    String organisation(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("organisation", organisations.get(id, user));
        model.addAttribute("certificates", certificates.ofOrganisation(id, user));
        model.addAttribute("basicAccounts", basicAccounts.history(id, user));
        return "workbench/organisation";
    }

    @GetMapping("/regions")
    String regionTree(CurrentUser user, Model model) {
        model.addAttribute("regions", scopeRegions(user));
        return "workbench/regions";
    }

    private String organisationsPage(CurrentUser user, OrganisationKind kind, String region, OrganisationForm form,
            Model model) {
        model.addAttribute("organisations", organisations.visibleTo(user, kind, region));
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("selectedRegion", region);
        model.addAttribute("scopeRegions", scopeRegions(user));
        model.addAttribute("form", form);
        model.addAttribute("canRegister", user.seesAllRegions() || user.role() == org.sunbid.platform.parties.Role.CENTRE_STAFF);
        return "workbench/organisations";
    }

    private List<Region> scopeRegions(CurrentUser user) {
        return user.seesAllRegions() ? regions.all() : regions.subtree(user.regionCode());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
