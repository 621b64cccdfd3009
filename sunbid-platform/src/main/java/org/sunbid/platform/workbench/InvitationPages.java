package org.sunbid.platform.workbench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.procurement.Invitations;
import org.sunbid.platform.procurement.ProcurementError;
import org.sunbid.platform.procurement.PoolSource;
import org.sunbid.platform.tendering.Tenders;

/**
 * Invitations on the workbench (issue 16): a supplier's own invitations with each response deadline and the time left
 * (我的邀请); the purchaser's or agency's page to recommend suppliers and draw the others for a lot (request with the
 * commitment, then reveal the secret; after a failed draw, a new one), with the failed draws and the invitation list it sent. The rules are procurement's
 * ({@link Invitations}); these pages only collect and show.
 */
@Controller
@RequestMapping("/workbench")
class InvitationPages {

    private final Invitations invitations;
    private final Tenders tenders;
    private final PageMessages messages;
    private final Menus menus;
    private final Clock clock;

    InvitationPages(Invitations invitations, Tenders tenders, PageMessages messages, Menus menus, Clock clock) {
        this.invitations = invitations;
        this.tenders = tenders;
        this.messages = messages;
        this.menus = menus;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        model.addAttribute("user", user);
        model.addAttribute("activePath", path.startsWith("/workbench/tenders") ? "/workbench/tenders" : path);
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("now", clock.instant());
    }

    /** 我的邀请: the supplier's invitations, newest first, each with its response deadline and countdown. */
    @GetMapping("/invitations")
    String mine(CurrentUser user, Model model) {
        model.addAttribute("invitations", invitations.mine(user));
        return "workbench/invitations-mine";
    }

    /** The owner's invitation page of a lot: the draw (or its form) and the invitation list. */
    @GetMapping("/tenders/{id}/invitations")
    String ofTender(@PathVariable UUID id, CurrentUser user, Model model) {
        model.addAttribute("tender", tenders.asOwner(id, user));
        model.addAttribute("invitees", invitations.invitees(id, user));
        try {
            model.addAttribute("draw", invitations.record(id, user));
        } catch (DomainException e) {
            if (e.errorCode() != ProcurementError.INVITATION_DRAW_NOT_FOUND) {
                throw e;
            }
            model.addAttribute("draw", null);
        }
        return "workbench/invitations";
    }

    @PostMapping("/tenders/{id}/invitations/draw")
    String requestDraw(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String recommended,
            @RequestParam(defaultValue = "0") int drawCount, @RequestParam(defaultValue = "DATABASE") String poolSource,
            @RequestParam(defaultValue = "") String prequalified, @RequestParam(defaultValue = "") String poolRegion,
            @RequestParam(defaultValue = "") String witnesses, @RequestParam(defaultValue = "") String secretHash,
            RedirectAttributes redirect) {
        return act(id, redirect, "invitation.done.requested", () -> {
            List<Invitations.Recommendation> recs = new ArrayList<>();
            for (String line : recommended.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("[,，\\s]+", 2);
                recs.add(new Invitations.Recommendation(uuid(parts[0]), parts.length > 1 ? parts[1] : null));
            }
            List<UUID> listed = Arrays.stream(prequalified.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(InvitationPages::uuid).toList();
            PoolSource source;
            try {
                source = PoolSource.valueOf(poolSource);
            } catch (IllegalArgumentException e) {
                throw new DomainException(ProcurementError.INVALID_INVITATION_REQUEST, "poolSource");
            }
            List<String> names = Arrays.stream(witnesses.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
            invitations.requestDraw(id, new Invitations.DrawRequest(recs, drawCount, source, listed,
                    poolRegion.isBlank() ? null : poolRegion.strip(), names, secretHash), user);
        });
    }

    @PostMapping("/tenders/{id}/invitations/draw/reveal")
    String reveal(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String secret,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> "FAILED".equals(invitations.reveal(id, secret, user).status())
                ? "invitation.done.failed" : "invitation.done.drawn");
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProcurementError.INVALID_INVITATION_REQUEST, text.strip());
        }
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable command) {
        return act(id, redirect, () -> {
            command.run();
            return doneKey;
        });
    }

    /** Runs {@code command}, which answers the message key of what it did. */
    private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> command) {
        try {
            redirect.addFlashAttribute("done", command.get());
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/tenders/" + id + "/invitations";
    }
}
