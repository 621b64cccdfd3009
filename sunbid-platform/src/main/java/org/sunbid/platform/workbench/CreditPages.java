package org.sunbid.platform.workbench;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditCorrection;
import org.sunbid.platform.credit.CreditError;
import org.sunbid.platform.credit.CreditObjections;
import org.sunbid.platform.credit.CreditProfiles;
import org.sunbid.platform.credit.CreditRepairs;
import org.sunbid.platform.credit.CreditRules;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * 信用管理 in the workbench (issue 20): an organisation's own credit profile with its records, where it applies for repair
 * (信用修复) or objects (异议); the repairs and objections a supervisor of the record's region accepts and decides; and an
 * organisation's profile for the owners and agencies evaluating it (with its history from other contexts). Every rule
 * is the credit context's own.
 */
@Controller
@RequestMapping("/workbench/credit")
class CreditPages {

    private final CreditProfiles profiles;
    private final CreditRepairs repairs;
    private final CreditObjections objections;
    private final Menus menus;
    private final Problems problems;

    CreditPages(CreditProfiles profiles, CreditRepairs repairs, CreditObjections objections, Menus menus, Problems problems) {
        this.profiles = profiles;
        this.repairs = repairs;
        this.objections = objections;
        this.menus = menus;
        this.problems = problems;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/credit");
        model.addAttribute("menu", menus.of(user.role()));
    }

    @GetMapping
    String home(CurrentUser user, Model model) {
        if (user.organisationId() != null && user.role() != Role.SUPERVISOR && user.role() != Role.CENTRE_STAFF) {
            model.addAttribute("profile", profiles.profile(user.organisationId(), user));
        }
        model.addAttribute("repairs", repairs.visibleTo(user));
        model.addAttribute("objections", objections.visibleTo(user));
        model.addAttribute("supervisor", user.role() == Role.SUPERVISOR);
        return "credit/workbench";
    }

    @GetMapping("/profiles/{id}")
    String profile(CurrentUser user, @PathVariable("id") UUID organisationId, Model model) {
        model.addAttribute("profile", profiles.profile(organisationId, user));
        model.addAttribute("repairs", List.of());
        model.addAttribute("objections", List.of());
        model.addAttribute("supervisor", false);
        model.addAttribute("other", !organisationId.equals(user.organisationId()));
        return "credit/workbench";
    }

    @PostMapping("/records/{id}/repairs")
    String apply(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String documents, RedirectAttributes redirect) {
        return step(redirect, "credit.done.applied", () -> repairs.apply(id, reason, lines(documents), user));
    }

    @PostMapping("/records/{id}/objections")
    String object(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String documents, RedirectAttributes redirect) {
        return step(redirect, "credit.done.objected", () -> objections.file(id, reason, lines(documents), user));
    }

    @PostMapping("/repairs/{id}/acceptance")
    String accept(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return step(redirect, "credit.done.accepted", () -> repairs.accept(id, note, user));
    }

    @PostMapping("/repairs/{id}/decision")
    String decide(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(redirect, "credit.done.decided", () -> repairs.decide(id, "APPROVE".equals(decision), reason, user));
    }

    /**
     * {@code decision}: DISMISS, UPHOLD (异议成立，撤销记录) or CORRECT (异议成立，更正记录) with the corrected fields, blank
     * ones unchanged; the restriction's and publication's last days as dates (the end is the day after, in China).
     */
    @PostMapping("/objections/{id}/decision")
    String decideObjection(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String creditClass,
            @RequestParam(required = false) String restrictionLastDay, @RequestParam(required = false) String publicationLastDay,
            @RequestParam(required = false) String conduct, @RequestParam(required = false) String document,
            RedirectAttributes redirect) {
        return step(redirect, "credit.done.decided", () -> {
            CreditCorrection correction = !"CORRECT".equals(decision) ? null
                    : new CreditCorrection(creditClass(creditClass),
                            endOf("restrictionLastDay", restrictionLastDay), endOf("publicationLastDay", publicationLastDay), conduct,
                            document);
            return objections.decide(id, "UPHOLD".equals(decision) || "CORRECT".equals(decision), reason, correction, user);
        });
    }

    private static CreditClass creditClass(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CreditClass.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(CreditError.CREDIT_PARAMETER_INVALID, "creditClass", value);
        }
    }

    /** The end (exclusive) of a period whose last day is {@code day} (yyyy-MM-dd) in China, or null if blank. */
    private static java.time.Instant endOf(String field, String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(day.strip()).plusDays(1).atStartOfDay(CreditRules.ZONE).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException(CreditError.CREDIT_PARAMETER_INVALID, field, day);
        }
    }

    /** Runs a step; a refusal (other than not found) is shown on the page with its message, nothing else changed. */
    private String step(RedirectAttributes redirect, String done, Supplier<Object> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
        } catch (DomainException e) {
            if (e.errorCode().httpStatus() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("formError", problems.message(e.errorCode(), e.arguments()));
            redirect.addFlashAttribute("errorCode", e.errorCode().toString());
        }
        return "redirect:/workbench/credit";
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
