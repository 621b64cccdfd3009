package org.sunbid.platform.disclosure.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.sunbid.platform.complaints.ComplaintHandling;

/**
 * 投诉处理决定公告: every published complaint decision (财政部令第94号 Art. 33; 招标投标法实施条例 Art. 61), newest first,
 * read from the complaints context's API. Each project's page shows its own lots' decisions too.
 */
@Controller
class ComplaintDecisionPages {

    private final ComplaintHandling complaints;

    ComplaintDecisionPages(ComplaintHandling complaints) {
        this.complaints = complaints;
    }

    @GetMapping("/complaint-decisions")
    String list(Model model) {
        model.addAttribute("decisions", complaints.decisions(200));
        return "portal/complaint-decisions";
    }
}
