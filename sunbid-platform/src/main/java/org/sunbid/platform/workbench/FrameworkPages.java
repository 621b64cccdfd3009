package org.sunbid.platform.workbench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.kernel.Amounts;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.procurement.FrameworkAgreementView;
import org.sunbid.platform.procurement.FrameworkAgreements;
import org.sunbid.platform.procurement.FrameworkError;
import org.sunbid.platform.procurement.FrameworkOrderView;
import org.sunbid.platform.procurement.FrameworkOrders;
import org.sunbid.platform.procurement.NewFrameworkAgreement;
import org.sunbid.platform.procurement.NewFrameworkOrder;
import org.sunbid.platform.sealing.OfferRoundView;
import org.sunbid.platform.sealing.OfferRounds;

/**
 * 框架协议采购 on the workbench (issue 22): the collecting body (集中采购机构 or 主管预算单位) creates agreements, shortlists and
 * reviews joins; suppliers respond or ask to join; buyers (budget units) order by direct selection, rotation or secondary
 * competition and publish each order's contract. The rules are procurement's; these pages only collect and show. A
 * supplier's offer of a secondary competition is made on its list page or through the API: procurement checks it and
 * sealing seals it on arrival to the competition round's key (the same sealing as bids); the order's page shows the
 * round (its key, how many shares are released) and, to a custodian of the round's key (the region's centre, its
 * supervision department, the buyer), the form to release its share after the deadline.
 */
@Controller
class FrameworkPages {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final FrameworkAgreements agreements;
    private final FrameworkOrders orders;
    private final PageMessages messages;
    private final Menus menus;
    private final Clock clock;
    private final OfferRounds rounds;

    FrameworkPages(FrameworkAgreements agreements, FrameworkOrders orders, PageMessages messages, Menus menus, Clock clock,
            OfferRounds rounds) {
        this.rounds = rounds;
        this.agreements = agreements;
        this.orders = orders;
        this.messages = messages;
        this.menus = menus;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        if (request.getRequestURI().contains("/workbench/framework-")) {
            model.addAttribute("user", user);
            model.addAttribute("activePath", "/workbench/framework-agreements");
            model.addAttribute("menu", menus.of(user.role()));
            model.addAttribute("now", clock.instant());
        }
    }

    @GetMapping("/workbench/framework-agreements")
    String list(CurrentUser user, Model model) {
        model.addAttribute("agreements", agreements.list(100, user));
        model.addAttribute("collector", user.role() == Role.TENDEREE || user.role() == Role.AGENCY);
        model.addAttribute("buyer", user.role() == Role.TENDEREE);
        model.addAttribute("orders", user.role() == Role.TENDEREE ? orders.mine(user) : List.of());
        model.addAttribute("invitations", user.role() == Role.BIDDER ? orders.invitations(user) : List.of());
        return "workbench/framework-agreements";
    }

    /** A new agreement: one item per line, "名称, 单位, 最高限制单价". */
    @PostMapping("/workbench/framework-agreements")
    String create(CurrentUser user, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String regionCode,
            @RequestParam(defaultValue = "CLOSED") String kind, @RequestParam(defaultValue = "PRICE_FIRST") String shortlisting,
            @RequestParam(defaultValue = "GOODS") String category, @RequestParam(defaultValue = "") String budget,
            @RequestParam(defaultValue = "") String deadline, @RequestParam(defaultValue = "") String termMonths,
            @RequestParam(defaultValue = "") String items, @RequestParam(defaultValue = "") String buyerRegions,
            RedirectAttributes redirect) {
        try {
            List<NewFrameworkAgreement.NewItem> parsed = new ArrayList<>();
            for (String line : items.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("[,，]");
                if (parts.length != 3) {
                    throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "items: 名称, 单位, 最高限制单价");
                }
                parsed.add(new NewFrameworkAgreement.NewItem(parts[0].strip(), parts[1].strip(), amount(parts[2], "items")));
            }
            FrameworkAgreementView v = agreements.create(new NewFrameworkAgreement(name, regionCode, kind, shortlisting, category,
                    null, amount(budget, "budget"), beijing(deadline, "deadline"),
                    termMonths.isBlank() ? null : Integer.valueOf(termMonths.strip()), parsed, null,
                    java.util.Arrays.stream(buyerRegions.split("[,，\\s]+")).filter(r -> !r.isBlank()).toList()), user);
            redirect.addFlashAttribute("done", "framework.done.created");
            return "redirect:/workbench/framework-agreements/" + v.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("formError", messages.of(new DomainException(FrameworkError.FRAMEWORK_INVALID, "termMonths")));
        }
        return "redirect:/workbench/framework-agreements";
    }

    @GetMapping("/workbench/framework-agreements/{id}")
    String agreement(@PathVariable UUID id, CurrentUser user, Model model) {
        FrameworkAgreementView a = agreements.view(id, user);
        boolean collector = user.organisationId() != null && user.organisationId().equals(a.collectorId());
        model.addAttribute("a", a);
        model.addAttribute("isCollector", collector);
        model.addAttribute("isBuyer", user.role() == Role.TENDEREE && "IN_FORCE".equals(a.status()));
        model.addAttribute("isSupplier", user.role() == Role.BIDDER);
        model.addAttribute("joins", collector && "IN_FORCE".equals(a.status()) && "OPEN".equals(a.kind())
                ? agreements.pendingJoins(id, user) : List.of());
        model.addAttribute("agreementOrders", collector ? orders.ofAgreement(id, user) : List.of());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), BEIJING));
        // the round its responses are sealed to: its key and shares for everyone, the share form to its custodians
        OfferRoundView round = a.responseRound() == null ? null : rounds.view(a.lotId(), a.responseRound()).orElse(null);
        model.addAttribute("responseRound", round);
        model.addAttribute("responseCustodian", custodianOf(round, a.lotId(), user));
        return "workbench/framework-agreement";
    }

    /** Whether {@code user}'s organisation holds a share of {@code round}'s key while the round is open. */
    private boolean custodianOf(OfferRoundView round, UUID lotId, CurrentUser user) {
        if (round == null || !"OPEN".equals(round.status())) {
            return false;
        }
        try {
            rounds.myEncryptedShare(lotId, round.round(), user);
            return true;
        } catch (DomainException notACustodian) {
            return false;
        }
    }

    /** A custodian of the responses' round key releases its share (decrypted with its own tool, pasted here). */
    @PostMapping("/workbench/framework-agreements/{id}/share")
    String responseShare(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String share,
            RedirectAttributes redirect) {
        return act("/workbench/framework-agreements/" + id, redirect, "framework.done.responses.share", () -> {
            FrameworkAgreementView a = agreements.view(id, user);
            if (a.responseRound() == null) {
                throw new DomainException(FrameworkError.FRAMEWORK_STATE, a.status());
            }
            return rounds.releaseShare(a.lotId(), a.responseRound(), share.strip(), user);
        });
    }

    @PostMapping("/workbench/framework-agreements/{id}/responses")
    String respond(@PathVariable UUID id, CurrentUser user, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act("/workbench/framework-agreements/" + id, redirect, "framework.done.responded",
                () -> {
                    agreements.respond(id, prices(form), user);
                    return id;
                });
    }

    @PostMapping("/workbench/framework-agreements/{id}/joins")
    String join(@PathVariable UUID id, CurrentUser user, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act("/workbench/framework-agreements/" + id, redirect, "framework.done.joined",
                () -> agreements.join(id, prices(form), user));
    }

    @PostMapping("/workbench/framework-agreements/{id}/shortlist")
    String shortlist(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "0") String count,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act("/workbench/framework-agreements/" + id, redirect, "framework.done.shortlisted", () -> {
            Map<UUID, BigDecimal> scores = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("score-") && !v.isBlank()) {
                    scores.put(UUID.fromString(k.substring(6)), Amounts.decimal(v));
                }
            });
            return agreements.shortlist(id, Integer.parseInt(count.strip()), scores, user);
        });
    }

    @PostMapping("/workbench/framework-agreements/{id}/joins/{request}/review")
    String review(@PathVariable UUID id, @PathVariable UUID request, CurrentUser user, @RequestParam(defaultValue = "false") boolean admit,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act("/workbench/framework-agreements/" + id, redirect, "framework.done.reviewed",
                () -> agreements.reviewJoin(id, request, admit, reason, user));
    }

    @PostMapping("/workbench/framework-agreements/{id}/order-summaries")
    String summary(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, RedirectAttributes redirect) {
        return act("/workbench/framework-agreements/" + id, redirect, "framework.done.summary",
                () -> orders.summary(id, date(from), date(to), true, user));
    }

    /** The buyer's order; a concluded one opens its own page, where its contract is published. */
    @PostMapping("/workbench/framework-agreements/{id}/orders")
    String order(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "1") int itemNo,
            @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "DIRECT") String method,
            @RequestParam(defaultValue = "") String supplierId, @RequestParam(defaultValue = "") String unitPrice,
            @RequestParam(defaultValue = "") String deadline, RedirectAttributes redirect) {
        try {
            FrameworkOrderView o = orders.place(id, new NewFrameworkOrder(itemNo, amount(quantity, "quantity"), method,
                    "DIRECT".equals(method) && !supplierId.isBlank() ? UUID.fromString(supplierId) : null,
                    "DIRECT".equals(method) && !unitPrice.isBlank() ? amount(unitPrice, "unitPrice") : null,
                    "COMPETITION".equals(method) ? beijing(deadline, "competitionDeadline") : null), user);
            redirect.addFlashAttribute("done", "framework.done.ordered");
            return "redirect:/workbench/framework-orders/" + o.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/framework-agreements/" + id;
    }

    @GetMapping("/workbench/framework-orders/{id}")
    String order(@PathVariable UUID id, CurrentUser user, Model model) {
        FrameworkOrderView o = orders.view(id, user);
        model.addAttribute("o", o);
        model.addAttribute("isBuyer", user.organisationId() != null && user.organisationId().equals(o.buyerId()));
        OfferRoundView round = o.offerRound() == null ? null : rounds.view(o.lotId(), o.offerRound()).orElse(null);
        model.addAttribute("round", round);
        model.addAttribute("custodian", custodianOf(round, o.lotId(), user));
        return "workbench/framework-order";
    }

    /** A custodian of the competition round's key releases its share (decrypted with its own tool, pasted here). */
    @PostMapping("/workbench/framework-orders/{id}/share")
    String share(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String share, RedirectAttributes redirect) {
        return act("/workbench/framework-orders/" + id, redirect, "framework.done.share", () -> {
            FrameworkOrderView o = orders.view(id, user);
            if (o.offerRound() == null) {
                throw new DomainException(FrameworkError.FRAMEWORK_STATE, o.status());
            }
            return rounds.releaseShare(o.lotId(), o.offerRound(), share.strip(), user);
        });
    }

    @PostMapping("/workbench/framework-orders/{id}/publication")
    String publish(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        return act("/workbench/framework-orders/" + id, redirect, "framework.done.published", () -> orders.publish(id, user));
    }

    @PostMapping("/workbench/framework-orders/{id}/close")
    String close(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        return act("/workbench/framework-orders/" + id, redirect, "framework.done.closed", () -> orders.close(id, user));
    }

    /**
     * A supplier's offer in a secondary competition: the unit price it typed, checked by procurement and sealed on arrival
     * to the competition round's key (the same path as the API's); a later offer replaces the earlier one.
     */
    @PostMapping("/workbench/framework-orders/{id}/offer")
    String offer(@PathVariable UUID id, CurrentUser user, @RequestParam(defaultValue = "") String price,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act("/workbench/framework-agreements#invitations", redirect, "framework.done.offered",
                () -> orders.offer(id, amount(price, "price"), request.getRemoteAddr(), user));
    }

    private String act(String back, RedirectAttributes redirect, String doneKey, Supplier<?> command) {
        try {
            command.get();
            redirect.addFlashAttribute("done", doneKey);
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("formError", messages.of(new DomainException(FrameworkError.FRAMEWORK_INVALID, e.getMessage())));
        }
        return "redirect:" + back;
    }

    /** The unit prices typed as {@code price-<itemNo>} fields. */
    private static Map<Integer, BigDecimal> prices(Map<String, String> form) {
        Map<Integer, BigDecimal> prices = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("price-")) {
                prices.put(Integer.valueOf(k.substring(6)), amount(v, "prices"));
            }
        });
        return prices;
    }

    private static BigDecimal amount(String typed, String field) {
        try {
            return Amounts.parse(typed, Amounts.Unit.YUAN).yuan();
        } catch (IllegalArgumentException e) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, field);
        }
    }

    private static Instant beijing(String typed, String field) {
        try {
            return LocalDateTime.parse(typed.strip()).atZone(BEIJING).toInstant();
        } catch (RuntimeException e) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, field);
        }
    }

    private static LocalDate date(String typed) {
        try {
            return LocalDate.parse(typed.strip());
        } catch (RuntimeException e) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "from/to");
        }
    }
}
