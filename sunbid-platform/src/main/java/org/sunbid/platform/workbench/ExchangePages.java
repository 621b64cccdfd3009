package org.sunbid.platform.workbench;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.disclosure.NationalExchange;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * 数据交换 (issue 18): for centre staff and administrators, where the delivery to the national platform stands, its
 * receipts, and a replay from a date. The rules (who may, what is exported) are disclosure's {@link NationalExchange}.
 */
@Controller
@RequestMapping("/workbench/exchange")
class ExchangePages {

    private final NationalExchange exchange;
    private final Menus menus;
    private final PageMessages messages;
    private final Clock clock;

    ExchangePages(NationalExchange exchange, Menus menus, PageMessages messages, Clock clock) {
        this.exchange = exchange;
        this.menus = menus;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/exchange");
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("bj", java.time.ZoneId.of("Asia/Shanghai"));
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("status", exchange.status(user));
        model.addAttribute("receipts", exchange.receipts(user, 50));
        model.addAttribute("defaultFrom", org.sunbid.platform.deals.domain.Limit.beijingDate(clock.instant()).minusDays(30));
        return "workbench/exchange";
    }

    @PostMapping("/replays")
    String replay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, CurrentUser user,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("replay", exchange.replay(from, user));
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/exchange";
    }
}
