package org.sunbid.platform.workbench;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

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
import org.sunbid.platform.tendering.FilingView;
import org.sunbid.platform.tendering.TenderFilings;
import org.sunbid.platform.tendering.TenderingError;
import org.sunbid.platform.tendering.Tenders;

/**
 * Filing of tender documents with the supervisor (招标文件备案) in the workbench: the owner files from the tender's page
 * (the card "招标文件备案"), the supervision department reviews its filings (its list, each filing's page) and accepts or
 * returns them with reasons. The rules are {@link TenderFilings}'; nothing is decided here.
 */
@Controller
class FilingPages {

    private final TenderFilings filings;
    private final Tenders tenders;
    private final Menus menus;
    private final PageMessages messages;
    private final java.time.Clock clock;
    private final Forms forms;

    FilingPages(TenderFilings filings, Tenders tenders, Menus menus, PageMessages messages, java.time.Clock clock, Forms forms) {
        this.forms = forms;
        this.filings = filings;
        this.tenders = tenders;
        this.menus = menus;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/filings");
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("now", clock.instant());
    }

    /** The owner files the draft's documents as they are now; back to the tender's page with the outcome. */
    @PostMapping("/workbench/tenders/{id}/filings")
    String file(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            filings.file(id, user);
            redirect.addFlashAttribute("done", "filing.filed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/tenders/" + id + "#filing";
    }

    /** The supervision department's filings: those awaiting its decision first, then the latest decided. */
    @GetMapping("/workbench/filings")
    String list(CurrentUser user, Model model) {
        List<FilingView> all = filings.filedWithMe(user, false, 200);
        model.addAttribute("pending", all.stream().filter(FilingView::pending).toList());
        model.addAttribute("decided", all.stream().filter(f -> !f.pending()).toList());
        return "workbench/filings";
    }

    /**
     * A tender's latest filing (the only one that can still be decided): the documents filed, the tender's earlier
     * filings, and the decision form while it is pending, for the department it is filed with.
     */
    @GetMapping("/workbench/tenders/{id}/filing")
    String filing(CurrentUser user, @PathVariable("id") UUID tenderId, Model model) {
        FilingView filing = filings.history(tenderId, user).stream().findFirst()
                .orElseThrow(() -> new DomainException(TenderingError.FILING_NOT_FOUND, tenderId));
        model.addAttribute("filing", filing);
        model.addAttribute("history", filings.history(tenderId, user));
        model.addAttribute("tender", tenders.get(tenderId, user));
        model.addAttribute("decides", filing.pending() && user.organisationId() != null
                && user.organisationId().equals(filing.supervisorId()));
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("reasons")) {
            model.addAttribute("reasons", "");
        }
        return "workbench/filing";
    }

    /**
     * The department accepts or returns (with reasons) the filing. A refusal that concerns the reasons comes back under
     * the field with the reasons as typed (422); any other with the page's error.
     */
    @PostMapping("/workbench/tenders/{id}/filing/decision")
    String decide(CurrentUser user, @PathVariable("id") UUID tenderId, @RequestParam UUID filingId, @RequestParam String decision,
            @RequestParam(defaultValue = "") String reasons, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            filings.decide(tenderId, filingId, "ACCEPTED".equals(decision), reasons, user);
            redirect.addFlashAttribute("done", "ACCEPTED".equals(decision) ? "filing.accepted" : "filing.returned");
            return "redirect:/workbench/tenders/" + tenderId + "/filing";
        } catch (DomainException e) {
            if (e.errorCode() == TenderingError.FILING_REASONS_REQUIRED) {
                FormErrors errors = forms.errors();
                errors.refused("reasons", "filing.reasons", messages.of(e));
                errors.show(model, response);
                model.addAttribute("reasons", reasons);
                return filing(user, tenderId, model);
            }
            redirect.addFlashAttribute("formError", messages.of(e));
            return "redirect:/workbench/tenders/" + tenderId + "/filing";
        }
    }
}
