package org.sunbid.platform.credit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditPublication;
import org.sunbid.platform.credit.CreditRules;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;

/**
 * 信用信息公示: the records published now (by the clock: a record leaves the page at the end of its period without anyone
 * acting), searchable by name or credit code and filtered by class, each with its basis, issuing body, document, class
 * and periods, and the dated publication rules they follow.
 */
@Controller
class CreditPortal {

    private final CreditPublication publication;
    private final Problems problems;

    CreditPortal(CreditPublication publication, Problems problems) {
        this.publication = publication;
        this.problems = problems;
    }

    @GetMapping("/credit")
    String list(@RequestParam(required = false) String q, @RequestParam(name = "class", required = false) String cls, Model model) {
        CreditClass creditClass = null;
        try {
            creditClass = CreditApi.creditClass(cls);
        } catch (DomainException e) {
            model.addAttribute("filterError", problems.message(e.errorCode(), e.arguments()));
        }
        model.addAttribute("records", publication.publishedNow(q, creditClass));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("cls", creditClass == null ? "" : creditClass.name());
        model.addAttribute("classes", CreditClass.values());
        model.addAttribute("rules", CreditRules.RULES);
        return "credit/public";
    }
}
