package org.sunbid.platform.workbench;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.MethodApprovalView;
import org.sunbid.platform.tendering.MethodApprovals;

/**
 * Approval of a lot's procurement method in the workbench (采购方式审批, 政府采购法 Art. 27) and the single-source publicity
 * (实施条例 Art. 38; 74号令 Art. 38–40): the owner's lots and its request form (conditions to choose, reasons; the
 * supplier and experts' opinions for a unique supplier) with the objection reviews; the department's list and decision
 * form; suppliers' objection form on the running publicities. The rules are {@link MethodApprovals}'; nothing is
 * decided here.
 */
@Controller
class MethodApprovalPages {

    private final MethodApprovals approvals;
    private final Menus menus;
    private final PageMessages messages;
    private final java.time.Clock clock;

    MethodApprovalPages(MethodApprovals approvals, Menus menus, PageMessages messages, java.time.Clock clock) {
        this.approvals = approvals;
        this.menus = menus;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/method-approvals");
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("now", clock.instant());
    }

    /**
     * The caller's list: the department's requests (undecided first) for a supervisor; the lots of its projects for an
     * owner or agency; the running single-source publicities (to object to) for a supplier.
     */
    @GetMapping("/workbench/method-approvals")
    String list(CurrentUser user, Model model) {
        List<MethodApprovalView> sent = approvals.sentToMe(user, false);
        model.addAttribute("pending", sent.stream().filter(a -> a.decidedAt() == null).toList());
        model.addAttribute("decided", sent.stream().filter(a -> a.decidedAt() != null).toList());
        model.addAttribute("ownLots", approvals.ownLots(user));
        model.addAttribute("publicities", user.role() == Role.BIDDER ? approvals.runningPublicities() : List.of());
        return "workbench/method-approvals";
    }

    /** A lot's method page: its requests, and the form the caller may use (request, review, decision). */
    @GetMapping("/workbench/lots/{lotId}/method-approval")
    String lot(CurrentUser user, @PathVariable UUID lotId, Model model) {
        List<MethodApprovalView> history = approvals.history(lotId, user);
        boolean owner = user.role() == Role.TENDEREE || user.role() == Role.AGENCY;
        model.addAttribute("history", history);
        model.addAttribute("form", owner ? approvals.form(lotId, user) : null);
        model.addAttribute("owner", owner);
        model.addAttribute("decides", user.role() == Role.SUPERVISOR && user.organisationId() != null);
        model.addAttribute("lotId", lotId);
        return "workbench/method-approval";
    }

    /** The owner's request: the chosen conditions and reasons (and the single-source publicity's content). */
    @PostMapping("/workbench/lots/{lotId}/method-approval")
    String request(CurrentUser user, @PathVariable UUID lotId, @RequestParam(required = false) List<String> conditions,
            @RequestParam(defaultValue = "") String reasons, @RequestParam(required = false) String supplierName,
            @RequestParam(required = false) String expertOpinions, RedirectAttributes redirect) {
        try {
            approvals.request(lotId, new MethodApprovals.NewRequest(conditions == null ? List.of() : conditions, reasons,
                    blankToNull(supplierName), blankToNull(expertOpinions)), user);
            redirect.addFlashAttribute("done", "method.done.requested");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/lots/" + lotId + "/method-approval";
    }

    /** The department approves or refuses (with reasons). */
    @PostMapping("/workbench/lots/{lotId}/method-approval/{requestId}/decision")
    String decide(CurrentUser user, @PathVariable UUID lotId, @PathVariable UUID requestId, @RequestParam String decision,
            @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect) {
        try {
            approvals.decide(lotId, requestId, "APPROVE".equals(decision), reasons, user);
            redirect.addFlashAttribute("done", "APPROVE".equals(decision) ? "method.done.approved" : "method.done.refused");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/lots/" + lotId + "/method-approval";
    }

    /** A supplier objects to a running single-source publicity. */
    @PostMapping("/workbench/lots/{lotId}/method-approval/{requestId}/objections")
    String object(CurrentUser user, @PathVariable UUID lotId, @PathVariable UUID requestId,
            @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect) {
        try {
            approvals.object(lotId, requestId, reasons, user);
            redirect.addFlashAttribute("done", "method.done.objected");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/method-approvals";
    }

    /** The owner records its review of an objection. */
    @PostMapping("/workbench/lots/{lotId}/method-approval/{requestId}/objections/{objectionId}/review")
    String review(CurrentUser user, @PathVariable UUID lotId, @PathVariable UUID requestId, @PathVariable UUID objectionId,
            @RequestParam(defaultValue = "false") boolean upheld, @RequestParam(defaultValue = "") String outcome,
            RedirectAttributes redirect) {
        try {
            approvals.review(lotId, requestId, objectionId, upheld, outcome, user);
            redirect.addFlashAttribute("done", "method.done.reviewed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/lots/" + lotId + "/method-approval";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
