package org.sunbid.platform.workbench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.sunbid.platform.auction.AuctionBidders;
import org.sunbid.platform.auction.AuctionLots;
import org.sunbid.platform.auction.LiveAuctions;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.RoomSnapshot;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The workbench's auction pages (issue 17, part P): 我的竞买 — a bidder's auctions with its bidder number (竞买号) and
 * the way into each room; 竞价标的 — the owner's or agency's auction lots; and one lot's page for its owners: the terms
 * of a draft (format, start price, increment, schedule, parcel or asset details), the sealed reserve (底价, before the
 * rules' deadline), the increment during bidding (with a reason, logged) and the confirmation (成交确认书). The rules
 * are the auction context's: the forms send what was typed to its API and show its refusal under the field it names.
 */
@Controller
@RequestMapping("/workbench")
class AuctionPages {

    private final Tenders tenders;
    private final Projects projects;
    private final Procedures procedures;
    private final AuctionLots lots;
    private final LiveAuctions live;
    private final AuctionBidders bidders;
    private final Menus menus;
    private final Clock clock;
    private final org.sunbid.platform.auction.AuctionReserves reserves;
    private final org.sunbid.platform.kernel.Problems problems;

    AuctionPages(Tenders tenders, Projects projects, Procedures procedures, AuctionLots lots, LiveAuctions live,
            AuctionBidders bidders, Menus menus, Clock clock, org.sunbid.platform.auction.AuctionReserves reserves,
            org.sunbid.platform.kernel.Problems problems) {
        this.reserves = reserves;
        this.problems = problems;
        this.tenders = tenders;
        this.projects = projects;
        this.procedures = procedures;
        this.lots = lots;
        this.live = live;
        this.bidders = bidders;
        this.menus = menus;
        this.clock = clock;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/auctions");
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("now", clock.instant());
    }

    /**
     * One auction lot in a list: its tender, project, terms (or null), room now (or null) and, for a bidder, its
     * number.
     */
    record AuctionRow(TenderView tender, ProjectView project, AuctionTerms terms, RoomSnapshot snapshot, String number) {
    }

    /** 我的竞买 (a bidder: the lots where it is a qualified bidder) or 竞价标的 (owners: their organisation's auction lots). */
    @GetMapping("/auctions")
    String list(CurrentUser user, Model model) {
        List<AuctionRow> rows = new ArrayList<>();
        boolean bidder = user.role() == Role.BIDDER;
        List<TenderView> candidates = bidder ? tenders.published(200) : owner(user) ? tenders.ofMyOrganisation(user) : List.of();
        for (TenderView t : candidates) {
            ProjectView project = projects.ofLot(t.id()).orElse(null);
            if (project == null || !isAuctionLot(t.id(), project)) {
                continue;
            }
            String number = bidder ? bidders.numberOf(t.id(), user).orElse(null) : null;
            if (bidder && number == null) {
                continue;
            }
            rows.add(new AuctionRow(t, project, lots.terms(t.id()).orElse(null), live.snapshot(t.id()).orElse(null), number));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("isBidder", bidder);
        return "workbench/auctions";
    }

    /** An auction lot's page for its owners: terms (draft), reserve, increment (while bidding), confirmation. */
    @GetMapping("/auctions/{lotId}")
    String lot(@PathVariable UUID lotId, CurrentUser user, Model model) {
        if (!owner(user)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        TenderView tender = tenders.asOwner(lotId, user);
        ProjectView project = projects.ofLot(lotId).orElseThrow(() -> new DomainException(CommonError.FORBIDDEN));
        if (!isAuctionLot(lotId, project)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        AuctionTerms terms = lots.terms(lotId).orElse(null);
        RoomSnapshot snapshot = live.snapshot(lotId).orElse(null);
        model.addAttribute("tender", tender);
        model.addAttribute("project", project);
        model.addAttribute("terms", terms);
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("draft", tender.status() == TenderStatus.DRAFT);
        model.addAttribute("formats", AuctionFormat.values());
        model.addAttribute("detailFields", detailFields(project.kind()));
        model.addAttribute("incrementChange", procedures.rulesAt(project.procedureCode(), clock.instant())
                .holds(RuleKeys.INCREMENT_CHANGE));
        model.addAttribute("bidding", snapshot != null && (snapshot.phase() == org.sunbid.platform.auction.domain.Phase.FREE
                || snapshot.phase() == org.sunbid.platform.auction.domain.Phase.TIMED
                || snapshot.phase() == org.sunbid.platform.auction.domain.Phase.FROZEN));
        model.addAttribute("ended", snapshot != null && snapshot.phase() == org.sunbid.platform.auction.domain.Phase.ENDED);
        model.addAttribute("fen", new Fen());
        return "workbench/auction";
    }

    // --- the pages' actions (a signed-in session with its CSRF token; the API under /api/** takes bearer tokens only).
    // Each answers JSON like the API: the result, or problem+json whose `field` names the form field refused.

    /** A qualified bidder's bid from the auction room (amount as typed, in yuan): the API's answer, exact times included. */
    @org.springframework.web.bind.annotation.PostMapping(value = "/auctions/{lotId}/bids", produces = {
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE, org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<?> bid(@PathVariable UUID lotId,
            @org.springframework.web.bind.annotation.RequestBody java.util.Map<String, String> body, CurrentUser user,
            java.util.Locale locale) {
        return answer(locale, "amount", () -> {
            long fen = fenOf(body.get("amount"), "amount");
            org.sunbid.platform.auction.domain.BidDecision decision = live.bid(lotId, user, fen);
            if (decision instanceof org.sunbid.platform.auction.domain.BidDecision.Accepted a) {
                java.util.Map<String, Object> ok = new java.util.LinkedHashMap<>();
                ok.put("seq", a.bid().seq());
                ok.put("bidderNumber", a.bid().bidderNumber());
                ok.put("amount", new Fen().plain(a.bid().amount()));
                ok.put("receivedAt", a.bid().receivedAt().toString());
                ok.put("endsAt", a.endsAt() == null ? null : a.endsAt().toString());
                return org.springframework.http.ResponseEntity.ok(ok);
            }
            org.sunbid.platform.auction.domain.BidDecision.Refused r = (org.sunbid.platform.auction.domain.BidDecision.Refused) decision;
            org.springframework.http.ProblemDetail problem = problems.of(r.code(), locale, r.receivedAt(),
                    r.endedAt() == null ? "" : r.endedAt(), new Fen().plain(r.minimumNext()));
            problem.setProperty("receivedAt", r.receivedAt().toString());
            if (r.endedAt() != null) {
                problem.setProperty("endedAt", r.endedAt().toString());
            }
            if (r.minimumNext() > 0) {
                problem.setProperty("minimumNext", new Fen().plain(r.minimumNext()));
            }
            problem.setProperty("field", "amount");
            return org.springframework.http.ResponseEntity.status(r.code().httpStatus())
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        });
    }

    /** The owner's terms of a draft lot (part L's rules): the lot's view, or the refused field. */
    @org.springframework.web.bind.annotation.PutMapping(value = "/auctions/{lotId}/terms", produces = {
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE, org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<?> terms(@PathVariable UUID lotId,
            @org.springframework.web.bind.annotation.RequestBody AuctionLots.TermsInput body, CurrentUser user, java.util.Locale locale) {
        return answer(locale, null, () -> org.springframework.http.ResponseEntity.ok(lots.setTerms(lotId, body, user)));
    }

    /** The owner seals the reserve (part D: sealed on arrival, before the rules' deadline). */
    @org.springframework.web.bind.annotation.PutMapping(value = "/auctions/{lotId}/reserve", produces = {
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE, org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<?> reserve(@PathVariable UUID lotId,
            @org.springframework.web.bind.annotation.RequestBody java.util.Map<String, String> body, CurrentUser user,
            java.util.Locale locale) {
        return answer(locale, "amount", () -> org.springframework.http.ResponseEntity.ok(
                reserves.set(lotId, new Fen().plain(fenOf(body.get("amount"), "amount")), user)));
    }

    /** The auctioneer changes the increment during bidding (part C; where INCREMENT_CHANGE holds), with its reason. */
    @org.springframework.web.bind.annotation.PostMapping(value = "/auctions/{lotId}/increment", produces = {
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE, org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<?> increment(@PathVariable UUID lotId,
            @org.springframework.web.bind.annotation.RequestBody java.util.Map<String, String> body, CurrentUser user,
            java.util.Locale locale) {
        return answer(locale, "increment", () -> {
            String reason = body.get("reason");
            if (reason == null || reason.isBlank()) {
                throw new DomainException(org.sunbid.platform.auction.AuctionError.INVALID_AUCTION_TERMS, "reason");
            }
            RoomSnapshot s = live.changeIncrement(lotId, fenOf(body.get("increment"), "increment"), reason.strip(), user);
            return org.springframework.http.ResponseEntity.ok(java.util.Map.of("increment", new Fen().plain(s.increment())));
        });
    }

    private org.springframework.http.ResponseEntity<?> answer(java.util.Locale locale, String defaultField,
            java.util.function.Supplier<org.springframework.http.ResponseEntity<?>> action) {
        try {
            return action.get();
        } catch (DomainException e) {
            org.springframework.http.ProblemDetail problem = problems.of(e.errorCode(), locale, e.arguments());
            String field = e.errorCode() == org.sunbid.platform.auction.AuctionError.INVALID_AUCTION_TERMS
                    && e.arguments().length > 0 ? String.valueOf(e.arguments()[0]) : defaultField;
            if (field != null) {
                problem.setProperty("field", field);
            }
            return org.springframework.http.ResponseEntity.status(e.errorCode().httpStatus())
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    /** An amount as people type it (kernel.Amounts: 12,000,000.00 · 1200万 · full-width digits) in fen. */
    private static long fenOf(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            throw new DomainException(org.sunbid.platform.auction.AuctionError.INVALID_AUCTION_TERMS, field);
        }
        org.sunbid.platform.kernel.Money money;
        try {
            money = org.sunbid.platform.kernel.Amounts.parse(typed, org.sunbid.platform.kernel.Amounts.Unit.YUAN);
        } catch (DomainException | IllegalArgumentException e) {
            throw new DomainException(org.sunbid.platform.auction.AuctionError.INVALID_AUCTION_TERMS, field);
        }
        return money.yuan().movePointRight(2).longValueExact();
    }

    /** The fields describing what is sold, by kind: a parcel, a mining right, a state-owned asset (keys of {@code details}). */
    static List<String> detailFields(DealKind kind) {
        return switch (kind) {
            case TDSYQ -> List.of("parcelNo", "location", "areaSqm", "landUse", "plotRatio", "termYears", "conditions");
            case KYQ -> List.of("mineral", "rightType", "areaSqKm", "premiumRate", "location", "conditions");
            default -> List.of("transferor", "subject", "transactionType", "description", "conditions");
        };
    }

    private boolean isAuctionLot(UUID lotId, ProjectView project) {
        return lots.terms(lotId).isPresent()
                || procedures.rulesAt(project.procedureCode(), clock.instant()).holds(RuleKeys.LIVE_BIDDING);
    }

    private static boolean owner(CurrentUser user) {
        return user.role() == Role.TENDEREE || user.role() == Role.AGENCY;
    }

    /** Amounts in fen as plain yuan for a form field ({@code 12345600.00}) and formatted for reading. */
    static final class Fen {
        public String plain(long fen) {
            return java.math.BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
        }

        public String yuan(long fen) {
            return String.format(java.util.Locale.ROOT, "%,.2f", java.math.BigDecimal.valueOf(fen).movePointLeft(2));
        }
    }
}
