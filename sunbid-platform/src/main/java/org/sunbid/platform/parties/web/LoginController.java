package org.sunbid.platform.parties.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.sunbid.platform.parties.Accounts;

/** The login page; the login itself is Spring Security's form login, throttled by source and account. */
@Controller
class LoginController {

    private final Accounts accounts;

    LoginController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Model model) {
        // Show the demo accounts only while the demo data is there.
        model.addAttribute("demo", accounts.findByUsername("bidder1").isPresent());
        model.addAttribute("demoPassword", "Sunbid@2026");
        return "login";
    }
}
