package org.sunbid.platform.disclosure.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.procurement.Invitations;
import org.sunbid.platform.procurement.ProcurementError;
import org.sunbid.platform.tendering.Tenders;

/**
 * The public record of a lot's supplier draw (供应商随机抽取公开记录, issue 16): once bidding has closed, the invitees
 * with the recommenders (87号令 Art. 14, 69), the witnesses and every input needed to re-compute the draw; before, a
 * notice that the record is published at the response deadline. Read from procurement's API.
 */
@Controller
class InvitationDrawPage {

    private final Invitations invitations;
    private final Tenders tenders;

    InvitationDrawPage(Invitations invitations, Tenders tenders) {
        this.invitations = invitations;
        this.tenders = tenders;
    }

    @GetMapping("/tenders/{id}/invitation-draw")
    String draw(@PathVariable UUID id, Model model) {
        model.addAttribute("tender", tenders.get(id, CurrentUser.current()));
        try {
            // the public's view, whoever asks: an owner's early access is on the workbench, not on the portal
            model.addAttribute("draw", invitations.record(id, null));
        } catch (DomainException e) {
            if (e.errorCode() != ProcurementError.INVITATION_DRAW_SEALED) {
                throw e;
            }
            model.addAttribute("draw", null);
        }
        return "portal/invitation-draw";
    }
}
