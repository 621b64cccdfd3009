package org.sunbid.platform.workbench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
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
import org.sunbid.platform.experts.DrawStatus;
import org.sunbid.platform.experts.DrawView;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.ExpertStatus;
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.experts.ExpertsError;
import org.sunbid.platform.experts.SandboxNotifier;
import org.sunbid.platform.experts.Violation;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;
import org.sunbid.platform.tendering.Tenders;

/**
 * The experts' pages of the workbench. Staff and supervisors keep the expert database (专家库: review, suspend,
 * reinstate, retire, blacklist) and follow the draws of their region (专家抽取), where a supervisor commits the draw's
 * secret and staff publish its record; the tender's owners and centre staff rate the members' conduct afterwards. An
 * expert keeps their own file (入库申请, leave, retiring), answers the draw notice and signs in at the evaluation with
 * their certificate. Draw pages show counts and confirmation states only until the members sign in.
 */
@Controller
@RequestMapping("/workbench")
class ExpertPages {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int PAGE_SIZE = 20;

    private final Experts experts;
    private final ExpertDraws draws;
    private final ObjectProvider<SandboxNotifier> sandboxPhone;
    private final Regions regions;
    private final Organisations organisations;
    private final Tenders tenders;
    private final PageMessages messages;
    private final Menus menus;
    private final Clock clock;

    ExpertPages(Experts experts, ExpertDraws draws, ObjectProvider<SandboxNotifier> sandboxPhone, Regions regions,
            Organisations organisations, Tenders tenders, PageMessages messages, Menus menus, Clock clock) {
        this.experts = experts;
        this.draws = draws;
        this.sandboxPhone = sandboxPhone;
        this.regions = regions;
        this.organisations = organisations;
        this.tenders = tenders;
        this.messages = messages;
        this.menus = menus;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // A record's page lights up its list in the menu; the tender's owners reach a draw from their tenders.
        String active = path.replaceFirst("^(/workbench/(experts|expert-draws))/.*$", "$1")
                .replaceFirst("^/workbench/expert/(application|leave|retire)$", "/workbench/expert");
        if (active.equals("/workbench/expert-draws") && (user.role() == Role.TENDEREE || user.role() == Role.AGENCY)) {
            active = "/workbench/tenders";
        }
        model.addAttribute("user", user);
        model.addAttribute("activePath", active);
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("regionNames", regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("now", clock.instant());
        model.addAttribute("sandboxPhone", sandboxPhone.getIfAvailable() != null);
    }

    // ------------------------------------------------------------------------------------------- the expert database

    @GetMapping("/experts")
    String list(CurrentUser user, @RequestParam(required = false) ExpertStatus status,
            @RequestParam(required = false) String specialty, @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "1") int page, Model model) {
        String code = specialty == null || specialty.isBlank() ? null : specialty;
        String part = name == null || name.isBlank() ? null : name.strip();
        List<Experts.ExpertProfile> all = experts.list(status, code, part, user);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("experts", all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE)));
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("statuses", ExpertStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("specialty", code);
        model.addAttribute("name", part);
        model.addAttribute("specialties", leafSpecialties());
        return "workbench/experts";
    }

    @GetMapping("/experts/{id}")
    String expert(CurrentUser user, @PathVariable UUID id, Model model) {
        Experts.ExpertDetail detail = experts.get(id, user);
        model.addAttribute("detail", detail);
        model.addAttribute("policy", experts.policyFor(detail.profile().regionCode()));
        ExpertStatus status = detail.profile().status();
        boolean reviewer = user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR;
        model.addAttribute("canReview", reviewer && status == ExpertStatus.APPLYING);
        model.addAttribute("actions", status == ExpertStatus.APPLYING ? List.of() : statusActions(user.role()).stream()
                .filter(status::canBecome).toList());
        return "workbench/expert";
    }

    /** The status changes a role may make (the service checks them again). */
    private static List<ExpertStatus> statusActions(Role role) {
        return switch (role) {
            case CENTRE_STAFF, ADMINISTRATOR -> List.of(ExpertStatus.ACTIVE, ExpertStatus.SUSPENDED, ExpertStatus.RETIRED);
            case SUPERVISOR -> List.of(ExpertStatus.ACTIVE, ExpertStatus.SUSPENDED, ExpertStatus.BLACKLISTED);
            default -> List.of();
        };
    }

    @PostMapping("/experts/{id}/review")
    String review(CurrentUser user, @PathVariable UUID id, @RequestParam boolean approve,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act("/workbench/experts/" + id, redirect, approve ? "experts.done.approved" : "experts.done.refused",
                () -> experts.review(id, approve, reason, user));
    }

    @PostMapping("/experts/{id}/status")
    String changeStatus(CurrentUser user, @PathVariable UUID id, @RequestParam ExpertStatus to,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act("/workbench/experts/" + id, redirect, "experts.done.status",
                () -> experts.changeStatus(id, to, reason, user));
    }

    // ------------------------------------------------------------------------------------------- the expert's own file

    /** The entry application's fields (入库申请); the employer by its unified social credit code. */
    record ApplicationForm(String employerCode, String regionCode, String title, String phone, List<String> specialties,
            List<String> qualificationName, List<String> qualificationNumber, List<String> qualificationValidUntil) {

        static final int QUALIFICATIONS = 3;

        /** An empty application, in the region the account was opened for. */
        static ApplicationForm empty(String regionCode) {
            return new ApplicationForm("", regionCode, "", "", List.of(), List.of(), List.of(), List.of());
        }

        public boolean has(String specialty) {
            return specialties != null && specialties.contains(specialty);
        }

        public String at(List<String> values, int i) {
            return values == null || i >= values.size() ? "" : values.get(i);
        }

        List<Experts.Qualification> qualifications() {
            List<Experts.Qualification> out = new ArrayList<>();
            for (int i = 0; i < QUALIFICATIONS; i++) {
                String name = at(qualificationName, i).strip();
                String number = at(qualificationNumber, i).strip();
                String until = at(qualificationValidUntil, i).strip();
                if (name.isEmpty() && number.isEmpty() && until.isEmpty()) {
                    continue;
                }
                try {
                    out.add(new Experts.Qualification(name, number, until.isEmpty() ? null : LocalDate.parse(until)));
                } catch (DateTimeParseException e) {
                    throw new DomainException(ExpertsError.EXPERT_INVALID, "qualifications");
                }
            }
            return out;
        }
    }

    /** The leave form's fields, Beijing time from datetime-local inputs. */
    record LeaveForm(String start, String end, String reason) {

        static LeaveForm suggested(Instant now) {
            LocalDateTime tomorrow = LocalDateTime.ofInstant(now, BEIJING).truncatedTo(ChronoUnit.DAYS).plusDays(1);
            return new LeaveForm(tomorrow.withHour(8).toString(), tomorrow.withHour(18).toString(), "");
        }
    }

    @GetMapping("/expert")
    String mine(CurrentUser user, Model model) {
        return minePage(user, ApplicationForm.empty(user.regionCode()), null, model);
    }

    private String minePage(CurrentUser user, ApplicationForm application, String applicationError, Model model) {
        experts.mine(user).ifPresent(detail -> {
            model.addAttribute("detail", detail);
            model.addAttribute("policy", experts.policyFor(detail.profile().regionCode()));
        });
        if (!model.containsAttribute("leave")) {
            model.addAttribute("leave", LeaveForm.suggested(clock.instant()));
        }
        model.addAttribute("applicationForm", application);
        model.addAttribute("applicationError", applicationError);
        model.addAttribute("specialties", leafSpecialties());
        model.addAttribute("regions", regions.all());
        model.addAttribute("qualificationRows", ApplicationForm.QUALIFICATIONS);
        return "workbench/expert-mine";
    }

    @PostMapping("/expert/application")
    String apply(CurrentUser user, @ModelAttribute ApplicationForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Organisation employer = organisations.findByCreditCode(UnifiedSocialCreditCode.of(
                    form.employerCode() == null ? "" : form.employerCode().strip().toUpperCase(java.util.Locale.ROOT)))
                    .orElseThrow(() -> new DomainException(ExpertsError.EXPERT_INVALID, "employerId"));
            String phone = form.phone() == null || form.phone().isBlank() ? null : form.phone().strip();
            experts.apply(new Experts.Application(employer.id(), form.regionCode(), form.title() == null ? "" : form.title(),
                    phone, form.specialties() == null ? List.of() : form.specialties(), form.qualifications()), user);
            redirect.addFlashAttribute("done", "expert.done.applied");
            return "redirect:/workbench/expert";
        } catch (DomainException e) {
            response.setStatus(e.errorCode().httpStatus() == 409 ? 409 : 422);
            return minePage(user, form, messages.of(e), model);
        }
    }

    @PostMapping("/expert/leave")
    String leave(CurrentUser user, @ModelAttribute LeaveForm form, RedirectAttributes redirect) {
        try {
            experts.addLeave(beijing(form.start()), beijing(form.end()), form.reason(), user);
            redirect.addFlashAttribute("done", "expert.done.leave");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
            redirect.addFlashAttribute("leave", form);
        }
        return "redirect:/workbench/expert#leave";
    }

    private static Instant beijing(String local) {
        try {
            return LocalDateTime.parse(local == null ? "" : local.strip()).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException(ExpertsError.LEAVE_INVALID);
        }
    }

    @PostMapping("/expert/retire")
    String retire(CurrentUser user, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act("/workbench/expert", redirect, "expert.done.retired", () -> {
            UUID me = experts.mine(user).orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, "me"))
                    .profile().id();
            if (reason == null || reason.isBlank()) {
                throw new DomainException(ExpertsError.EXPERT_INVALID, "reason");
            }
            experts.changeStatus(me, ExpertStatus.RETIRED, reason, user);
        });
    }

    @GetMapping("/expert/draws")
    String myDraws(CurrentUser user, Model model) {
        model.addAttribute("draws", draws.mine(user));
        model.addAttribute("hasFile", experts.ofAccount(user.accountId()).isPresent());
        return "workbench/expert-draws-mine";
    }

    @PostMapping("/expert/draws/{id}/sign-in")
    String signIn(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String signature,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("signInDraw", id);
        return act("/workbench/expert/draws#draw-" + id, redirect, "expert.done.signed-in",
                () -> draws.signIn(id, signature, user));
    }

    @GetMapping("/expert/phone")
    String phone(CurrentUser user, Model model) {
        SandboxNotifier phone = sandbox();
        model.addAttribute("messages", experts.ofAccount(user.accountId()).isPresent() ? phone.inbox(user) : List.of());
        model.addAttribute("number", experts.ofAccount(user.accountId()).map(Experts.ExpertProfile::phone).orElse(null));
        return "workbench/expert-phone";
    }

    @PostMapping("/expert/phone/reply")
    String reply(CurrentUser user, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        SandboxNotifier phone = sandbox();
        try {
            if (text == null || text.isBlank() || text.length() > 40) {
                throw new DomainException(CommonError.VALIDATION_FAILED);
            }
            String answer = phone.reply(text.strip(), user);
            // The platform answers the gateway {"answer":"RECORDED"}; a failed relay is "HTTP 4xx" or "UNDELIVERED".
            String code = answer.replaceAll("(?s).*\"answer\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
            redirect.addFlashAttribute("answer", code.matches("[A-Z_]+") ? code : "UNDELIVERED");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/expert/phone";
    }

    private SandboxNotifier sandbox() {
        SandboxNotifier phone = sandboxPhone.getIfAvailable();
        if (phone == null) {
            throw new DomainException(CommonError.NOT_FOUND);
        }
        return phone;
    }

    // ------------------------------------------------------------------------------------------- draws

    @GetMapping("/expert-draws")
    String drawList(CurrentUser user, Model model) {
        model.addAttribute("draws", draws.inMyRegion(user));
        return "workbench/expert-draws";
    }

    @GetMapping("/expert-draws/{id}")
    String draw(CurrentUser user, @PathVariable UUID id, Model model) {
        DrawView draw = draws.get(id, user);
        boolean staff = user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR
                || user.role() == Role.ADMINISTRATOR;
        model.addAttribute("draw", draw);
        model.addAttribute("needed", draw.specialties().stream().mapToInt(DrawView.SpecialtyProgress::count).sum());
        model.addAttribute("confirmed", draw.specialties().stream().mapToInt(DrawView.SpecialtyProgress::accepted).sum());
        model.addAttribute("canCommit", user.role() == Role.SUPERVISOR && draw.status() == DrawStatus.REQUESTED);
        model.addAttribute("canReveal", user.role() == Role.SUPERVISOR && draw.status() == DrawStatus.AWAITING_SECRET);
        model.addAttribute("canPublish", staff && draws.mayPublish(id));
        model.addAttribute("canRate", draw.status() == DrawStatus.PUBLISHED
                && (tenders.owns(draw.tenderId(), user) || user.role() == Role.CENTRE_STAFF));
        model.addAttribute("violations", Violation.values());
        model.addAttribute("tenderLink", tenders.mayInspect(draw.tenderId(), user));
        return "workbench/expert-draw";
    }

    @PostMapping("/expert-draws/{id}/commitment")
    String commit(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String secretHash,
            RedirectAttributes redirect) {
        return act("/workbench/expert-draws/" + id, redirect, "draw.done.committed", () -> draws.commit(id, secretHash, user));
    }

    @PostMapping("/expert-draws/{id}/secret")
    String reveal(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String secret,
            RedirectAttributes redirect) {
        return act("/workbench/expert-draws/" + id, redirect, "draw.done.revealed", () -> draws.reveal(id, secret, user));
    }

    @PostMapping("/expert-draws/{id}/publication")
    String publish(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act("/workbench/expert-draws/" + id, redirect, "draw.done.published", () -> draws.publish(id, user));
    }

    @PostMapping("/expert-draws/{id}/ratings")
    String rate(CurrentUser user, @PathVariable UUID id, @RequestParam UUID expertId,
            @RequestParam(required = false) Integer score, @RequestParam(required = false) List<Violation> violations,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act("/workbench/expert-draws/" + id + "#member-" + expertId, redirect, "draw.done.rated",
                () -> draws.rate(id, expertId, score == null ? 0 : score, violations, note, user));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private List<Experts.Specialty> leafSpecialties() {
        return experts.taxonomy().stream().filter(s -> s.parentCode() != null).toList();
    }

    /** Runs a command and redirects to {@code target} with its outcome (post/redirect/get). */
    private String act(String target, RedirectAttributes redirect, String doneKey, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:" + target;
    }
}
