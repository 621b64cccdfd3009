package org.sunbid.platform.workbench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.GroupPurchaseView;
import org.sunbid.platform.mall.GroupPurchases;
import org.sunbid.platform.mall.ListingStatus;
import org.sunbid.platform.mall.Listings;
import org.sunbid.platform.mall.MallCatalogue;
import org.sunbid.platform.mall.MallError;
import org.sunbid.platform.mall.ReverseAuctionView;
import org.sunbid.platform.mall.ReverseAuctions;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * 反向竞价 and 团购 on the workbench (issue 22): a buyer opens a reverse auction for an item above the direct-purchase
 * limit and follows it (its terms, then the result and the order); a supplier bids down from here with one of its
 * approved listings, and sees its own bids and the highest price it may bid now — never the rivals'. The centre or a
 * buyer opens a group purchase, buyers join with their quantities, suppliers quote for the combined quantity (their
 * own quote only shown). The rules are the mall's ({@link ReverseAuctions}, {@link GroupPurchases}); this page
 * collects and shows.
 */
@Controller
@RequestMapping("/workbench/mall")
class MallBiddingPages {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final MallCatalogue catalogue;
    private final Listings listings;
    private final ReverseAuctions auctions;
    private final GroupPurchases groups;
    private final PageMessages messages;
    private final Menus menus;
    private final MallForms forms;

    MallBiddingPages(MallCatalogue catalogue, Listings listings, ReverseAuctions auctions, GroupPurchases groups, PageMessages messages,
            Menus menus, MallForms forms) {
        this.groups = groups;
        this.catalogue = catalogue;
        this.listings = listings;
        this.auctions = auctions;
        this.messages = messages;
        this.menus = menus;
        this.forms = forms;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/mall");
        model.addAttribute("menu", menus.of(user.role()));
    }

    @GetMapping("/bidding")
    String page(CurrentUser user, Model model) {
        boolean supplier = user.role() == Role.BIDDER;
        model.addAttribute("supplier", supplier);
        model.addAttribute("buyer", user.role() == Role.TENDEREE);
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("myListings", supplier ? listings.mine(user).stream().filter(l -> l.status() == ListingStatus.APPROVED).toList()
                : List.of());
        List<ReverseAuctionView> all = auctions.list(user);
        // a buyer follows its own; everyone else sees them all (the terms are public)
        model.addAttribute("auctions", user.role() == Role.TENDEREE
                ? all.stream().filter(a -> a.buyerId().equals(user.organisationId())).toList() : all);
        model.addAttribute("canOpenGroup", user.role() == Role.TENDEREE || user.role() == Role.CENTRE_STAFF
                || user.role() == Role.ADMINISTRATOR);
        model.addAttribute("groups", groups.list(user));
        return "workbench/mall-bidding";
    }

    /** The collecting body or a buyer opens a group purchase. */
    @PostMapping("/group-purchases")
    String openGroup(CurrentUser user, @RequestParam(required = false) UUID categoryId, @RequestParam(defaultValue = "") String specs,
            @RequestParam(defaultValue = "") String ceiling, @RequestParam(defaultValue = "") String joinUntil,
            @RequestParam(defaultValue = "") String closesAt, RedirectAttributes redirect) {
        try {
            GroupPurchaseView g = groups.open(new GroupPurchases.Opening(categoryId, MallPages.specs(specs),
                    ceiling.isBlank() ? null : MallForms.amount(ceiling, "ceiling"), instant(joinUntil), instant(closesAt)), user);
            redirect.addFlashAttribute("done", "mall.group.opened");
            redirect.addFlashAttribute("doneId", g.groupNo());
            return "redirect:/workbench/mall/bidding#group-" + g.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
            return "redirect:/workbench/mall/bidding";
        }
    }

    /** A buyer joins with its quantity. */
    @PostMapping("/group-purchases/{id}/members")
    String join(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "0") int quantity,
            @RequestParam(defaultValue = "30") int paymentDays, RedirectAttributes redirect) {
        return forms.submit(redirect, "mall.group.joined", "redirect:/workbench/mall/bidding#group-" + id,
                () -> groups.join(id, new GroupPurchases.Joining(quantity, paymentDays), user));
    }

    /** A supplier quotes for the combined quantity. */
    @PostMapping("/group-purchases/{id}/quotes")
    String quote(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) UUID listingId,
            @RequestParam(defaultValue = "") String unitPrice, RedirectAttributes redirect) {
        return forms.submit(redirect, "mall.group.quoted", "redirect:/workbench/mall/bidding#group-" + id,
                () -> groups.quote(id, new GroupPurchases.QuoteInput(listingId, MallForms.amount(unitPrice, "unitPrice")), user));
    }

    /** A buyer opens a reverse auction; specs as "attribute=value" lines, the close as a Beijing date-time (optional). */
    @PostMapping("/reverse-auctions")
    String open(CurrentUser user, @RequestParam(required = false) UUID categoryId, @RequestParam(defaultValue = "") String specs,
            @RequestParam(defaultValue = "0") int quantity, @RequestParam(defaultValue = "") String ceiling,
            @RequestParam(defaultValue = "") String closesAt, @RequestParam(defaultValue = "30") int paymentDays,
            RedirectAttributes redirect) {
        try {
            ReverseAuctionView a = auctions.open(new ReverseAuctions.Opening(categoryId, MallPages.specs(specs), quantity,
                    ceiling.isBlank() ? null : MallForms.amount(ceiling, "ceiling"), null, instant(closesAt), paymentDays), user);
            redirect.addFlashAttribute("done", "mall.auction.opened");
            redirect.addFlashAttribute("doneId", a.auctionNo());
            return "redirect:/workbench/mall/bidding#auction-" + a.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
            redirect.addFlashAttribute("typedSpecs", specs);
            return "redirect:/workbench/mall/bidding";
        }
    }

    /** A supplier bids with one of its listings. */
    @PostMapping("/reverse-auctions/{id}/bids")
    String bid(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) UUID listingId,
            @RequestParam(defaultValue = "") String unitPrice, RedirectAttributes redirect) {
        return forms.submit(redirect, "mall.auction.bid.done", "redirect:/workbench/mall/bidding#auction-" + id,
                () -> auctions.bid(id, new ReverseAuctions.BidInput(listingId, MallForms.amount(unitPrice, "unitPrice")), user));
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "closesAt（如 2026-12-09T10:00）");
        }
    }
}
