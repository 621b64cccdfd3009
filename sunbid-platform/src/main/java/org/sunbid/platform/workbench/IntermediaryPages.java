package org.sunbid.platform.workbench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.intermediaries.Intermediaries;
import org.sunbid.platform.intermediaries.IntermediaryError;
import org.sunbid.platform.intermediaries.Selections;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * The intermediary market on the workbench (中介超市, issue 20): the owner's requests and the form to make one (random
 * draw with commitment and witnesses, lowest quote with a deadline, or direct selection), each request's page (reveal the
 * secret, open the quotes, rate the service); the intermediary's own registration and the requests it may quote for;
 * the staff's review of registrations and the requests of their regions with who was left out and why. The rules are
 * the intermediaries context's; these pages only collect and show.
 */
@Controller
@RequestMapping("/workbench/intermediaries")
class IntermediaryPages {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Intermediaries intermediaries;
    private final Selections selections;
    private final Regions regions;
    private final PageMessages messages;
    private final Menus menus;
    private final Clock clock;

    IntermediaryPages(Intermediaries intermediaries, Selections selections, Regions regions, PageMessages messages, Menus menus,
            Clock clock) {
        this.intermediaries = intermediaries;
        this.selections = selections;
        this.regions = regions;
        this.messages = messages;
        this.menus = menus;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/intermediaries");
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("now", clock.instant());
        Map<String, String> kinds = new LinkedHashMap<>();
        intermediaries.serviceKinds().forEach(k -> kinds.put(k.code(), k.nameZh()));
        model.addAttribute("kinds", kinds);
        Map<String, String> names = new LinkedHashMap<>();
        regions.all().forEach(r -> names.put(r.code(), r.name()));
        model.addAttribute("regionNames", names);
    }

    @GetMapping
    String home(CurrentUser user, Model model) {
        model.addAttribute("requests", selections.list(user));
        boolean staff = user.role() == Role.ADMINISTRATOR || user.role() == Role.CENTRE_STAFF;
        model.addAttribute("staff", staff);
        model.addAttribute("owner", user.role() == Role.TENDEREE);
        model.addAttribute("registrations", staff ? intermediaries.registrations(user) : List.of());
        Intermediaries.Profile mine = null;
        if (user.role() == Role.AGENCY && user.organisationId() != null) {
            try {
                mine = intermediaries.profile(user.organisationId(), user);
            } catch (DomainException e) {
                if (e.errorCode() != IntermediaryError.INTERMEDIARY_NOT_FOUND) {
                    throw e;
                }
            }
        }
        model.addAttribute("mine", mine);
        // the registration form filled with the current registration, one qualification per line
        model.addAttribute("qualificationsText", mine == null ? "" : String.join("\n", mine.qualifications().stream()
                .map(q -> q.serviceKind() + ", " + q.certificateNo() + ", " + q.grade() + ", " + q.validFrom() + ", " + q.validUntil())
                .toList()));
        model.addAttribute("areasText", mine == null ? "" : String.join(",", mine.areas()));
        model.addAttribute("methods", Selections.Method.values());
        return "workbench/intermediaries";
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable UUID id, CurrentUser user, Model model) {
        Selections.RequestView r = selections.view(id, user);
        model.addAttribute("r", r);
        model.addAttribute("isOwner", user.organisationId() != null && user.organisationId().equals(r.ownerId()));
        model.addAttribute("isStaff", user.role() == Role.ADMINISTRATOR || user.role() == Role.CENTRE_STAFF);
        return "workbench/intermediary-request";
    }

    @PostMapping("/requests")
    String create(CurrentUser user, @RequestParam(defaultValue = "") String serviceKind,
            @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String budget, @RequestParam(defaultValue = "") String serviceStart,
            @RequestParam(defaultValue = "") String serviceEnd, @RequestParam(defaultValue = "RANDOM_DRAW") String method,
            @RequestParam(defaultValue = "") String quoteDeadline, @RequestParam(defaultValue = "") String directId,
            @RequestParam(defaultValue = "") String directReason, @RequestParam(defaultValue = "") String witnesses,
            @RequestParam(defaultValue = "") String secretHash, RedirectAttributes redirect) {
        try {
            Selections.Method m = Selections.Method.valueOf(method);
            Selections.RequestView made = selections.request(new Selections.ServiceRequest(serviceKind, regionCode.strip(), title,
                    amount(budget), date(serviceStart), date(serviceEnd), m,
                    quoteDeadline.isBlank() ? null : time(quoteDeadline), directId.isBlank() ? null : uuid(directId),
                    directReason.isBlank() ? null : directReason,
                    Arrays.stream(witnesses.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList(),
                    secretHash.isBlank() ? null : secretHash), user);
            redirect.addFlashAttribute("done", "intermediary.done.requested");
            return "redirect:/workbench/intermediaries/requests/" + made.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("formError", messages.of(new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "method")));
        }
        return "redirect:/workbench/intermediaries";
    }

    @PostMapping("/requests/{id}/commit")
    String commit(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String secretHash,
            @RequestParam(defaultValue = "") String witnesses, RedirectAttributes redirect) {
        return act(id, redirect, "intermediary.done.committed", () -> selections.commitDraw(id, secretHash,
                Arrays.stream(witnesses.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList(), user));
    }

        @PostMapping("/requests/{id}/reveal")
    String reveal(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String secret, RedirectAttributes redirect) {
        return act(id, redirect, "intermediary.done.drawn", () -> selections.reveal(id, secret, user));
    }

    @PostMapping("/requests/{id}/quote")
    String quote(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String amount, RedirectAttributes redirect) {
        return act(id, redirect, "intermediary.done.quoted", () -> selections.quote(id, amount(amount), user));
    }

    @PostMapping("/requests/{id}/opening")
    String open(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        return act(id, redirect, "intermediary.done.opened", () -> selections.openQuotes(id, user));
    }

    @PostMapping("/requests/{id}/rating")
    String rate(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "0") int score,
            @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        return act(id, redirect, "intermediary.done.rated", () -> selections.rate(id, score, comment.isBlank() ? null : comment, user));
    }

    /**
     * The intermediary's own registration: one qualification per line ("KIND, certificate, grade, from, until"), the
     * areas as region codes; a new registration awaits review again.
     */
    @PostMapping("/registration")
    String register(CurrentUser user, @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String introduction, @RequestParam(defaultValue = "") String qualifications,
            @RequestParam(defaultValue = "") String areas, RedirectAttributes redirect) {
        try {
            List<Intermediaries.QualificationForm> quals = new java.util.ArrayList<>();
            for (String line : qualifications.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] p = line.strip().split("\\s*[,，]\\s*");
                if (p.length != 5) {
                    throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "qualifications");
                }
                quals.add(new Intermediaries.QualificationForm(p[0], p[1], p[2], date(p[3]), date(p[4])));
            }
            intermediaries.register(new Intermediaries.Registration(contact, phone, introduction.isBlank() ? null : introduction,
                    quals, Arrays.stream(areas.split("[,，\\s]+")).filter(a -> !a.isBlank()).toList()), user);
            redirect.addFlashAttribute("done", "intermediary.done.registered");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/intermediaries";
    }

    @PostMapping("/{orgId}/review")
    String review(@PathVariable UUID orgId, CurrentUser user, @RequestParam(defaultValue = "false") boolean approve,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            intermediaries.review(orgId, approve, note.isBlank() ? null : note, user);
            redirect.addFlashAttribute("done", approve ? "intermediary.done.approved" : "intermediary.done.rejected");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/intermediaries";
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/intermediaries/requests/" + id;
    }

    private static BigDecimal amount(String text) {
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "amount");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "date");
        }
    }

    /** A local Beijing time from a datetime-local field. */
    private static Instant time(String text) {
        try {
            return LocalDateTime.parse(text.strip()).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "quoteDeadline");
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "directId");
        }
    }
}
