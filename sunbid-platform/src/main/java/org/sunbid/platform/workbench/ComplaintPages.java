package org.sunbid.platform.workbench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.sunbid.platform.complaints.Challenges;
import org.sunbid.platform.complaints.ComplaintHandling;
import org.sunbid.platform.complaints.Inquiries;
import org.sunbid.platform.complaints.domain.ChallengeSubject;
import org.sunbid.platform.complaints.domain.Complaint;
import org.sunbid.platform.complaints.domain.LotFacts;
import org.sunbid.platform.complaints.domain.Outcome;
import org.sunbid.platform.complaints.domain.PauseReason;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * 询问、质疑、投诉 in the workbench, each with the countdown of its open step: a supplier's own cases and forms (a
 * challenge is signed with the bidder tool, as a withdrawal is); the purchaser's or agency's inbox to answer; the
 * department's complaint handling. Every rule is the complaints context's own; a refusal shows its message.
 */
@Controller
@RequestMapping("/workbench/complaints")
class ComplaintPages {

    private final Inquiries inquiries;
    private final Challenges challenges;
    private final ComplaintHandling complaints;
    private final PageMessages messages;
    private final Menus menus;
    private final Clock clock;

    ComplaintPages(Inquiries inquiries, Challenges challenges, ComplaintHandling complaints, PageMessages messages, Menus menus,
            Clock clock) {
        this.inquiries = inquiries;
        this.challenges = challenges;
        this.complaints = complaints;
        this.messages = messages;
        this.menus = menus;
        this.clock = clock;
    }

    /** The time left until {@code due}, for the countdowns ("2 天 5 小时"); negative when overdue. */
    public static final class Countdown {
        private final Instant now;

        Countdown(Instant now) {
            this.now = now;
        }

        public long days(Instant due) {
            return Duration.between(now, due).toDays();
        }

        public long hours(Instant due) {
            return Duration.between(now, due).toHoursPart();
        }

        public boolean over(Instant due) {
            return due != null && !now.isBefore(due);
        }
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/complaints");
        model.addAttribute("menu", menus.of(user.role()));
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        Instant now = clock.instant();
        model.addAttribute("now", now);
        model.addAttribute("left", new Countdown(now));
        model.addAttribute("myInquiries", inquiries.mine(user));
        model.addAttribute("myChallenges", challenges.mine(user));
        model.addAttribute("myComplaints", complaints.mine(user));
        model.addAttribute("inquiriesToAnswer", inquiries.toAnswer(user));
        model.addAttribute("challengesToAnswer", challenges.toAnswer(user));
        model.addAttribute("complaintsToReply", complaints.toReply(user));
        model.addAttribute("complaintsToHandle", complaints.toHandle(user));
        model.addAttribute("subjects", ChallengeSubject.values());
        model.addAttribute("steps", LotFacts.Step.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("pauseReasons", PauseReason.values());
        model.addAttribute("intakes", Complaint.Intake.values());
        return "workbench/complaints";
    }

    private String act(RedirectAttributes redirect, String done, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/workbench/complaints";
    }

    // a supplier

    @PostMapping("/inquiries")
    String ask(@RequestParam UUID lotId, @RequestParam String text, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.asked", () -> inquiries.ask(lotId, text, user));
    }

    /** Step 1 of a challenge: the statement to sign with the bidder tool. */
    @PostMapping("/challenges/statement")
    String statement(@RequestParam UUID lotId, @RequestParam ChallengeSubject subject,
            @RequestParam(required = false) LotFacts.Step step, @RequestParam String claims, @RequestParam String facts,
            @RequestParam String evidence, CurrentUser user, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("statement", challenges.statement(lotId,
                    new Challenges.Draft(subject, subject == ChallengeSubject.PROCESS ? step : null, claims, facts, evidence), user));
            redirect.addFlashAttribute("statementLot", lotId);
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/complaints#challenge-form";
    }

    /** Step 2: the signed statement. */
    @PostMapping("/challenges")
    String challenge(@RequestParam UUID lotId, @RequestParam String statement, @RequestParam String signature, CurrentUser user,
            RedirectAttributes redirect) {
        return act(redirect, "complaints.done.challenged", () -> challenges.raise(lotId, statement, signature, null, user));
    }

    @PostMapping("/complaints")
    String lodge(@RequestParam UUID lotId, @RequestParam(required = false) UUID challengeId,
            @RequestParam(required = false) String knownAt, @RequestParam String claims, @RequestParam String facts,
            @RequestParam String evidence, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.lodged", () -> complaints.lodge(lotId, new ComplaintHandling.Lodging(challengeId,
                knownAt == null || knownAt.isBlank() ? null
                        : java.time.LocalDateTime.parse(knownAt).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant(),
                claims, facts, evidence), user));
    }

    // the purchaser or agency; a copied party

    @PostMapping("/inquiries/{id}/answer")
    String answerInquiry(@PathVariable UUID id, @RequestParam String text, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.answered", () -> inquiries.answer(id, text, user));
    }

    @PostMapping("/challenges/{id}/answer")
    String answerChallenge(@PathVariable UUID id, @RequestParam String text, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.answered", () -> challenges.answer(id, text, user));
    }

    @PostMapping("/challenges/{id}/result-changing")
    String resultChanging(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.held", () -> challenges.markResultChanging(id, user));
    }

    @PostMapping("/complaints/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam String text, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.replied", () -> complaints.reply(id, text, user));
    }

    // the department

    @PostMapping("/complaints/{id}/intake")
    String intake(@PathVariable UUID id, @RequestParam Complaint.Intake decision, @RequestParam(required = false) String reason,
            CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.step", () -> complaints.intake(id, decision, reason, user));
    }

    @PostMapping("/complaints/{id}/copies")
    String copies(@PathVariable UUID id, @RequestParam(required = false) String parties, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.step", () -> complaints.sendCopies(id, parties == null || parties.isBlank() ? List.of()
                : Arrays.stream(parties.split("[,\\s]+")).filter(s -> !s.isBlank()).map(UUID::fromString).toList(), user));
    }

    @PostMapping("/complaints/{id}/suspension")
    String suspend(@PathVariable UUID id, @RequestParam int days, @RequestParam String reason, CurrentUser user,
            RedirectAttributes redirect) {
        return act(redirect, "complaints.done.step", () -> complaints.suspend(id, clock.instant().plus(Duration.ofDays(days)), reason, user));
    }

    @PostMapping("/complaints/{id}/suspension/lift")
    String lift(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.step", () -> complaints.lift(id, user));
    }

    @PostMapping("/complaints/{id}/pauses")
    String pause(@PathVariable UUID id, @RequestParam PauseReason reason, @RequestParam String note, CurrentUser user,
            RedirectAttributes redirect) {
        return act(redirect, "complaints.done.step", () -> complaints.pause(id, reason, note, user));
    }

    @PostMapping("/complaints/{id}/pauses/end")
    String resume(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "complaints.done.step", () -> complaints.resume(id, user));
    }

    @PostMapping("/complaints/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam Outcome outcome, @RequestParam String reasons, CurrentUser user,
            RedirectAttributes redirect) {
        return act(redirect, "complaints.done.decided", () -> complaints.decide(id, outcome, reasons, user));
    }
}
