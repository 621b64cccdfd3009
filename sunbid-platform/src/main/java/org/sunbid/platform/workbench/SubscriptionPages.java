package org.sunbid.platform.workbench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.disclosure.NoticeSubscriptions;
import org.sunbid.platform.disclosure.NoticeType;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * 公告订阅 on the workbench (issue 18): the account's subscriptions to saved searches, a form to add one (prefilled
 * from the search's parameters when the portal links here), and what the sandbox notifier delivered. The rules are
 * disclosure's ({@link NoticeSubscriptions}); this page only collects and shows.
 */
@Controller
@RequestMapping("/workbench/subscriptions")
class SubscriptionPages {

    private final NoticeSubscriptions subscriptions;
    private final PageMessages messages;
    private final Menus menus;

    SubscriptionPages(NoticeSubscriptions subscriptions, PageMessages messages, Menus menus) {
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.menus = menus;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/subscriptions");
        model.addAttribute("menu", menus.of(user.role()));
    }

    @GetMapping
    String page(CurrentUser user, Model model, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String region) {
        model.addAttribute("subscriptions", subscriptions.mine(user));
        model.addAttribute("inbox", subscriptions.inbox(user));
        model.addAttribute("types", NoticeType.values());
        model.addAttribute("kinds", DealKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", q, type, kind, region));
        }
        return "workbench/subscriptions";
    }

    /** The form as typed (kept on a refusal). */
    record Form(String name, String q, String type, String kind, String region) {

        String search() {
            List<String> parts = new ArrayList<>();
            add(parts, "q", q);
            add(parts, "type", type);
            add(parts, "kind", kind);
            add(parts, "region", region);
            return String.join("&", parts);
        }

        private static void add(List<String> parts, String key, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(key + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
    }

    @PostMapping
    String subscribe(CurrentUser user, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String region, RedirectAttributes redirect) {
        Form form = new Form(name, q, type, kind, region);
        try {
            subscriptions.subscribe(name, form.search(), user);
            redirect.addFlashAttribute("done", "subscriptions.created");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/workbench/subscriptions";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        try {
            subscriptions.cancel(id, user);
            redirect.addFlashAttribute("done", "subscriptions.cancelled");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/subscriptions";
    }
}
