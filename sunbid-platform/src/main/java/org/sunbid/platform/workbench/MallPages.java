package org.sunbid.platform.workbench;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.ListingStatus;
import org.sunbid.platform.mall.Listings;
import org.sunbid.platform.mall.MallCatalogue;
import org.sunbid.platform.mall.MallError;
import org.sunbid.platform.mall.MallOrders;
import org.sunbid.platform.mall.OrderView;
import org.sunbid.platform.mall.ProductPolicy;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * 电子卖场 on the workbench (issue 22): a supplier lists products with their price evidence (the screenshot or file goes
 * to the mall, which checks its type and size and keeps it with its SM3) and corrects prices; the collecting body (the
 * centre's staff) reviews listings, downloading the evidence files, and keeps the categories; a buyer orders by comparison, records the acceptance and the payment;
 * supervisors and staff see the orders. The rules are the mall's ({@link Listings}, {@link MallOrders}); this page
 * collects and shows, and a refusal is shown with the mall's own words (the price comparison for a capped price).
 */
@Controller
@RequestMapping("/workbench/mall")
class MallPages {

    private final MallCatalogue catalogue;
    private final Listings listings;
    private final MallOrders orders;
    private final PageMessages messages;
    private final Menus menus;
    private final MallForms forms;

    MallPages(MallCatalogue catalogue, Listings listings, MallOrders orders, PageMessages messages, Menus menus, MallForms forms) {
        this.catalogue = catalogue;
        this.listings = listings;
        this.orders = orders;
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

    @GetMapping
    String page(CurrentUser user, Model model) {
        boolean supplier = user.role() == Role.BIDDER;
        boolean staff = user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR;
        boolean buyer = user.role() == Role.TENDEREE;
        model.addAttribute("supplier", supplier);
        model.addAttribute("staff", staff);
        model.addAttribute("buyer", buyer);
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("policies", ProductPolicy.values());
        model.addAttribute("mine", supplier ? listings.mine(user) : List.of());
        model.addAttribute("pending", staff ? listings.forReview(ListingStatus.PENDING, user) : List.of());
        model.addAttribute("suspended", staff ? listings.forReview(ListingStatus.SUSPENDED, user) : List.of());
        model.addAttribute("orderable", buyer ? listings.search(null, null) : List.of());
        model.addAttribute("orders", orders.visibleTo(user));
        return "workbench/mall";
    }

    /** A supplier submits a listing; specs come as one "attribute=value" per line. */
    @PostMapping("/listings")
    String submit(CurrentUser user, @RequestParam UUID categoryId, @RequestParam(defaultValue = "") String productName,
            @RequestParam(defaultValue = "") String brand, @RequestParam(defaultValue = "") String model,
            @RequestParam(defaultValue = "") String specs, @RequestParam(defaultValue = "") String price,
            @RequestParam(required = false) String lowPriceReason, @RequestParam(required = false) String certificate,
            @RequestParam(defaultValue = "") String manufacturerPrice, @RequestParam(defaultValue = "") String manufacturerSource,
            @RequestParam(required = false) LocalDate manufacturerOn, @RequestParam(required = false) MultipartFile manufacturerFile,
            @RequestParam(defaultValue = "") String ecommercePrice, @RequestParam(defaultValue = "") String ecommerceSource,
            @RequestParam(required = false) LocalDate ecommerceOn, @RequestParam(required = false) MultipartFile ecommerceFile,
            RedirectAttributes redirect) {
        try {
            List<Listings.EvidenceInput> evidence = new ArrayList<>();
            evidence.add(new Listings.EvidenceInput(org.sunbid.platform.mall.PriceEvidence.Kind.MANUFACTURER,
                    MallForms.amount(manufacturerPrice, "manufacturerPrice"), manufacturerSource, manufacturerOn, null,
                    file(manufacturerFile)));
            evidence.add(new Listings.EvidenceInput(org.sunbid.platform.mall.PriceEvidence.Kind.ECOMMERCE,
                    MallForms.amount(ecommercePrice, "ecommercePrice"), ecommerceSource, ecommerceOn, null, file(ecommerceFile)));
            var listing = listings.submit(new Listings.ListingInput(categoryId, productName, brand, model, specs(specs),
                    MallForms.amount(price, "price"), lowPriceReason, certificate, evidence), user);
            redirect.addFlashAttribute("done", "mall.listing.submitted");
            redirect.addFlashAttribute("doneId", listing.id());
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
            // what the supplier typed comes back into the form (the files must be chosen again: browsers never refill them)
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("categoryId", categoryId);
            typed.put("productName", productName);
            typed.put("brand", brand);
            typed.put("model", model);
            typed.put("specs", specs);
            typed.put("price", price);
            typed.put("lowPriceReason", lowPriceReason);
            typed.put("certificate", certificate);
            typed.put("manufacturerPrice", manufacturerPrice);
            typed.put("manufacturerSource", manufacturerSource);
            typed.put("manufacturerOn", manufacturerOn);
            typed.put("ecommercePrice", ecommercePrice);
            typed.put("ecommerceSource", ecommerceSource);
            typed.put("ecommerceOn", ecommerceOn);
            redirect.addFlashAttribute("typed", typed);
        }
        return "redirect:/workbench/mall";
    }

    @PostMapping("/listings/{id}/price")
    String price(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String price,
            @RequestParam(required = false) String lowPriceReason, RedirectAttributes redirect) {
        return forms.submit(redirect, "mall.price.changed", "redirect:/workbench/mall",
                () -> listings.changePrice(id, MallForms.amount(price, "price"), lowPriceReason, user));
    }

    @PostMapping("/listings/{id}/review")
    String review(CurrentUser user, @PathVariable UUID id, @RequestParam Listings.Decision decision,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String done = decision == Listings.Decision.APPROVE ? "mall.reviewed.approved" : "mall.reviewed.returned";
        return forms.submit(redirect, done, "redirect:/workbench/mall",
                () -> listings.review(id, decision, reason, user));
    }

    @PostMapping("/categories")
    String addCategory(CurrentUser user, @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String itemCode, @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "") String attributes, @RequestParam(defaultValue = "NONE") ProductPolicy policy,
            RedirectAttributes redirect) {
        return forms.submit(redirect, "mall.category.added", "redirect:/workbench/mall",
                () -> catalogue.addCategory(new MallCatalogue.CategoryInput(code, name, itemCode, unit,
                        List.of(attributes.split("[,，、\\n]")), policy), user));
    }

    /** A buyer orders directly (from the listing's page). */
    @PostMapping("/orders")
    String order(CurrentUser user, @RequestParam UUID listingId, @RequestParam(defaultValue = "0") int quantity,
            @RequestParam(defaultValue = "30") int paymentDays, RedirectAttributes redirect) {
        try {
            OrderView o = orders.orderDirect(new MallOrders.DirectOrder(listingId, quantity, paymentDays), user);
            redirect.addFlashAttribute("done", "mall.ordered");
            redirect.addFlashAttribute("doneId", o.orderNo());
            return "redirect:/workbench/mall#order-" + o.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
            return "redirect:/mall/listings/" + listingId;
        }
    }

    /** A buyer compares the chosen listings; the lowest price wins. */
    @PostMapping("/comparisons")
    String compare(CurrentUser user, @RequestParam(required = false) List<UUID> listingIds,
            @RequestParam(defaultValue = "0") int quantity, @RequestParam(defaultValue = "30") int paymentDays,
            RedirectAttributes redirect) {
        return forms.submitNumbered(redirect, "mall.ordered", "redirect:/workbench/mall",
                () -> orders.orderByComparison(new MallOrders.ComparisonOrder(listingIds == null ? List.of() : listingIds,
                        quantity, paymentDays), user).orderNo());
    }

    @PostMapping("/orders/{id}/acceptance")
    String accept(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "true") boolean passed,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return forms.submit(redirect, passed ? "mall.accepted" : "mall.rejected", "redirect:/workbench/mall#order-" + id,
                () -> orders.accept(id, new MallOrders.Acceptance(passed, note), user));
    }

    @PostMapping("/orders/{id}/payment")
    String pay(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return forms.submit(redirect, "mall.paid", "redirect:/workbench/mall#order-" + id, () -> orders.pay(id, user));
    }

    /**
     * An uploaded screenshot or file for the mall to check and keep (null when none: the mall refuses evidence without
     * a file or its SM3). One larger than the mall keeps is refused before it is read into memory.
     */
    private static Listings.EvidenceFile file(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        String name = file.getOriginalFilename();
        if (file.getSize() > Listings.MAX_EVIDENCE_FILE_BYTES) {
            throw new DomainException(MallError.MALL_EVIDENCE_FILE_TOO_LARGE, name == null ? "—" : name, file.getSize(),
                    Listings.MAX_EVIDENCE_FILE_BYTES);
        }
        try {
            return new Listings.EvidenceFile(name, file.getBytes());
        } catch (IOException e) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "file");
        }
    }

    /** A piece of evidence's kept file, from the review list or the listing's page (who may: the mall decides). */
    @GetMapping("/listings/{id}/evidence/{evidenceId}")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> evidenceFile(CurrentUser user,
            @PathVariable UUID id, @PathVariable UUID evidenceId) {
        return listings.evidenceFile(id, evidenceId, user).asAttachment();
    }

    /** "CPU=i7-14700" per line (also "CPU：…" and "；"-separated) into attribute → value. */
    static Map<String, String> specs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("[\\n;；]")) {
            String[] kv = line.split("[=：:]", 2);
            if (kv.length == 2 && !kv[0].isBlank()) {
                out.put(kv[0].strip(), kv[1].strip());
            }
        }
        return out;
    }
}
