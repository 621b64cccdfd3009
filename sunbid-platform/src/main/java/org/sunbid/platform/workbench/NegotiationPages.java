package org.sunbid.platform.workbench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.MyDraw;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.procurement.NegotiationError;
import org.sunbid.platform.procurement.NegotiationView;
import org.sunbid.platform.procurement.Negotiations;
import org.sunbid.platform.sealing.OfferRoundView;
import org.sunbid.platform.sealing.OfferRounds;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The negotiation rounds (谈判/磋商) in the workbench. A supplier sees its own thread with the panel, the document changes
 * delivered to it with a button to acknowledge each, and the round's final-offer deadline counting down; the panel sees
 * each supplier's thread, posts a change to every supplier at once, excludes, calls for final offers, starts the next
 * round or closes. What the service refuses comes back as the page's error; nothing here decides a rule.
 */
@Controller
@RequestMapping("/workbench")
class NegotiationPages {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() {
    };

    private final Negotiations negotiations;
    private final ExpertDraws draws;
    private final Tenders tenders;
    private final Regions regions;
    private final PageMessages messages;
    private final Menus menus;
    private final java.time.Clock clock;
    private final OfferRounds offerRounds;
    private final tools.jackson.databind.json.JsonMapper json;

    NegotiationPages(Negotiations negotiations, ExpertDraws draws, Tenders tenders, Regions regions, PageMessages messages, Menus menus,
            java.time.Clock clock, OfferRounds offerRounds, tools.jackson.databind.json.JsonMapper json) {
        this.clock = clock;
        this.offerRounds = offerRounds;
        this.json = json;
        this.negotiations = negotiations;
        this.draws = draws;
        this.tenders = tenders;
        this.regions = regions;
        this.messages = messages;
        this.menus = menus;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/negotiations");
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("regionNames", regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
    }

    /** A lot in the caller's list: its name and, once started, where its negotiation stands. */
    record Entry(UUID lotId, String name, NegotiationView view) {
    }

    @GetMapping("/negotiations")
    String list(CurrentUser user, Model model) {
        Set<UUID> lots = new LinkedHashSet<>(negotiations.mine(user));
        if (user.role() == Role.EXPERT) {
            for (MyDraw d : draws.mine(user)) {
                if (d.signedInAt() != null && d.tenderId() != null) {
                    lots.add(d.tenderId());
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (UUID lot : lots) {
            String name = tenders.findPublished(lot).map(t -> t.terms().name()).orElse(lot.toString());
            NegotiationView view;
            try {
                view = negotiations.view(lot, user);
            } catch (DomainException e) {
                view = null; // not started yet (the panel's list shows it to start)
            }
            entries.add(new Entry(lot, name, view));
        }
        model.addAttribute("entries", entries);
        return "workbench/negotiations";
    }

    @GetMapping("/negotiations/{id}")
    String page(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) UUID supplier, Model model) {
        TenderView tender = tenders.findPublished(id).orElse(null);
        model.addAttribute("lotId", id);
        model.addAttribute("lotName", tender == null ? id.toString() : tender.terms().name());
        NegotiationView view;
        try {
            view = negotiations.view(id, user);
        } catch (DomainException e) {
            if (!negotiations.isPanel(id, user)) {
                throw e; // 404 for anyone who may not see it
            }
            model.addAttribute("notStarted", true);
            return "workbench/negotiation";
        }
        model.addAttribute("notStarted", false);
        model.addAttribute("n", view);
        boolean panel = "PANEL".equals(view.viewer());
        model.addAttribute("isPanel", panel);
        model.addAttribute("isSupplier", "SUPPLIER".equals(view.viewer()));
        if (panel) {
            java.util.Map<UUID, String> names = new java.util.LinkedHashMap<>();
            view.suppliers().forEach(s -> names.put(s.id(), s.name()));
            model.addAttribute("supplierNames", names);
            UUID selected = supplier != null ? supplier : view.suppliers().isEmpty() ? null : view.suppliers().get(0).id();
            model.addAttribute("selected", selected);
            model.addAttribute("thread", selected == null ? null : negotiations.thread(id, selected, user));
        }
        Instant deadline = view.offerDeadline();
        boolean awaiting = "AWAITING_OFFERS".equals(view.status()) && deadline != null;
        model.addAttribute("awaitingOffers", awaiting);
        // Sealing's round of final offers: before opening only whether every offer is in (74号令 Art. 33), for the
        // supplier its own receipt (no price: the offer is sealed on arrival); once opened, each round's signed record.
        OfferRoundView current = offerRounds.view(id, view.round()).orElse(null);
        model.addAttribute("offerRound", current);
        boolean supplierView = "SUPPLIER".equals(view.viewer());
        model.addAttribute("offerOpen", supplierView && awaiting && current != null && "OPEN".equals(current.status())
                && clock.instant().isBefore(current.deadline()));
        Map<String, Object> receipt = null;
        if (supplierView && current != null) {
            try {
                receipt = json.readValue(offerRounds.myReceipt(id, view.round(), user).receipt(), MAP);
            } catch (DomainException e) {
                receipt = null; // no offer of ours in this round yet
            }
        }
        model.addAttribute("offerReceipt", receipt);
        model.addAttribute("offerReceivedAt", receipt == null ? null : Instant.parse(String.valueOf(receipt.get("receivedAt"))));
        List<OfferRoundPages.Row> opened = new ArrayList<>();
        for (OfferRoundView r : offerRounds.rounds(id)) {
            if (r.record() != null) {
                opened.add(new OfferRoundPages.Row(r, OfferRoundPages.offersOf(json, r.record())));
            }
        }
        model.addAttribute("openedRounds", opened);
        model.addAttribute("now", clock.instant()); // the countdown counts by the platform's clock
        if (deadline != null) {
            Duration left = Duration.between(clock.instant(), deadline);
            model.addAttribute("deadlineLocal", LocalDateTime.ofInstant(deadline, BEIJING));
            model.addAttribute("leftMinutes", Math.max(0, left.toMinutes()));
        }
        return "workbench/negotiation";
    }

    @PostMapping("/negotiations/{id}/start")
    String start(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.started", () -> negotiations.start(id, user));
    }

    @PostMapping("/negotiations/{id}/threads/{supplier}/messages")
    String panelMessage(CurrentUser user, @PathVariable UUID id, @PathVariable UUID supplier, @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        return act(id, supplier, redirect, "negotiation.done.message", () -> negotiations.postAsPanel(id, supplier, text, user));
    }

    @PostMapping("/negotiations/{id}/thread/messages")
    String supplierMessage(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.message", () -> negotiations.postAsSupplier(id, text, user));
    }

    @PostMapping("/negotiations/{id}/changes")
    String change(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.change", () -> negotiations.change(id, text, user));
    }

    @PostMapping("/negotiations/{id}/changes/{change}/acknowledgement")
    String acknowledge(CurrentUser user, @PathVariable UUID id, @PathVariable UUID change, RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.acknowledged", () -> negotiations.acknowledge(id, change, user));
    }

    @PostMapping("/negotiations/{id}/exclusions")
    String exclude(CurrentUser user, @PathVariable UUID id, @RequestParam UUID supplierId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.excluded", () -> negotiations.exclude(id, supplierId, reason, user));
    }

    /** The deadline is entered in Beijing time (datetime-local). */
    @PostMapping("/negotiations/{id}/final-offers")
    String callFinalOffers(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String deadline,
            RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.called", () -> {
            Instant at;
            try {
                at = LocalDateTime.parse(deadline).atZone(BEIJING).toInstant();
            } catch (RuntimeException e) {
                throw new DomainException(NegotiationError.OFFER_DEADLINE_INVALID);
            }
            negotiations.callFinalOffers(id, at, user);
        });
    }

    /**
     * The supplier's sealed final offer for the current round (74号令 Art. 33): the total price in yuan, sealed on arrival
     * by sealing to the round's key. The page shows the receipt, never the price; a late or uninvited offer is refused
     * with sealing's words, and the price typed is not echoed back.
     */
    @PostMapping("/negotiations/{id}/final-offer")
    String finalOffer(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String price, RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.offered", () -> {
            String amount = price == null ? "" : price.strip().replace(",", "").replace("，", "");
            if (!amount.matches("\\d{1,13}(\\.\\d{1,2})?")) {
                throw new DomainException(NegotiationError.OFFER_PRICE_INVALID);
            }
            int round = negotiations.view(id, user).round();
            offerRounds.submit(id, round, "{\"totalPrice\":\"" + amount + "\"}", user);
        });
    }

    @PostMapping("/negotiations/{id}/rounds")
    String nextRound(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.round", () -> negotiations.nextRound(id, user));
    }

    @PostMapping("/negotiations/{id}/closure")
    String close(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, null, redirect, "negotiation.done.closed", () -> negotiations.close(id, user));
    }

    /** Runs a command and goes back to the page, with what was done or why it was refused. */
    private String act(UUID id, UUID supplier, RedirectAttributes redirect, String doneKey, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/negotiations/" + id + (supplier == null ? "" : "?supplier=" + supplier);
    }
}
