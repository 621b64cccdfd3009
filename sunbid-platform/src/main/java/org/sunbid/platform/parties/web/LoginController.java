package org.sunbid.platform.parties.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.security.ReturnTo;

/**
 * The login page; the login itself is Spring Security's form login, throttled by source and account. The page carries
 * the {@code continue} path (only a safe same-site one) so the sign-in returns there, and tells a signed-in user that
 * signing in again switches the account.
 */
@Controller
class LoginController {

    private final Accounts accounts;

    LoginController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = ReturnTo.PARAMETER, required = false) String returnTo, Model model) {
        // Show the demo accounts only while the demo data is there.
        model.addAttribute("demo", accounts.findByUsername("bidder1").isPresent());
        model.addAttribute("demoPassword", "Sunbid@2026");
        model.addAttribute("returnTo", ReturnTo.isSafe(returnTo) ? returnTo : null);
        return "login";
    }
}
