package org.sunbid.platform.procurement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.procurement.FrameworkAgreementView;
import org.sunbid.platform.procurement.FrameworkAgreements;
import org.sunbid.platform.procurement.FrameworkInvitation;
import org.sunbid.platform.procurement.FrameworkOrderView;
import org.sunbid.platform.procurement.FrameworkOrders;
import org.sunbid.platform.procurement.NewFrameworkAgreement;
import org.sunbid.platform.procurement.NewFrameworkOrder;
import org.sunbid.platform.sealing.BidReceipt;

/**
 * Framework agreements over HTTP (框架协议采购): the first stage for the collecting body and suppliers, the orders for
 * buyers and suppliers, and the public notices. Who may act is decided by the services.
 */
@RestController
class FrameworkApi {

    private final FrameworkAgreements agreements;
    private final FrameworkOrders orders;

    FrameworkApi(FrameworkAgreements agreements, FrameworkOrders orders) {
        this.agreements = agreements;
        this.orders = orders;
    }

    record PricesInput(Map<Integer, BigDecimal> prices) {
    }

    /** {@code count}: how many a closed agreement shortlists; left out (or 0) for an open one, which admits all. */
    record ShortlistInput(Integer count, Map<UUID, BigDecimal> qualityScores) {
    }

    record ReviewInput(boolean admit, String reason) {
    }

    /** A secondary competition's offer: the unit price, sealed on arrival (never stored in plain nor logged). */
    record OfferInput(BigDecimal price) {
    }

    record JoinRequested(UUID requestId) {
    }

    @PostMapping("/api/v1/framework-agreements")
    FrameworkAgreementView create(@RequestBody NewFrameworkAgreement input, CurrentUser user) {
        return agreements.create(input, user);
    }

    @GetMapping("/api/v1/framework-agreements/{id}")
    FrameworkAgreementView view(@PathVariable UUID id, CurrentUser user) {
        return agreements.view(id, user);
    }

    /**
     * A supplier's response (first stage): checked, then its unit prices sealed on arrival to the agreement's response
     * round; the answer is the platform-signed receipt (empty for an agreement from before the sealed responses).
     */
    @PostMapping("/api/v1/framework-agreements/{id}/responses")
    BidReceipt respond(@PathVariable UUID id, @RequestBody PricesInput input, HttpServletRequest request, CurrentUser user) {
        return agreements.respond(id, input.prices(), request.getRemoteAddr(), user);
    }

    @PostMapping("/api/v1/framework-agreements/{id}/shortlist")
    FrameworkAgreementView shortlist(@PathVariable UUID id, @RequestBody ShortlistInput input, CurrentUser user) {
        return agreements.shortlist(id, input.count() == null ? 0 : input.count(), input.qualityScores(), user);
    }

    @PostMapping("/api/v1/framework-agreements/{id}/joins")
    JoinRequested join(@PathVariable UUID id, @RequestBody PricesInput input, CurrentUser user) {
        return new JoinRequested(agreements.join(id, input.prices(), user));
    }

    @GetMapping("/api/v1/framework-agreements/{id}/joins")
    List<FrameworkAgreementView.Member> pendingJoins(@PathVariable UUID id, CurrentUser user) {
        return agreements.pendingJoins(id, user);
    }

    @PostMapping("/api/v1/framework-agreements/{id}/joins/{requestId}/review")
    FrameworkAgreementView reviewJoin(@PathVariable UUID id, @PathVariable UUID requestId, @RequestBody ReviewInput input,
            CurrentUser user) {
        return agreements.reviewJoin(id, requestId, input.admit(), input.reason(), user);
    }

    @PostMapping("/api/v1/framework-agreements/{id}/orders")
    FrameworkOrderView order(@PathVariable UUID id, @RequestBody NewFrameworkOrder input, CurrentUser user) {
        return orders.place(id, input, user);
    }

    @GetMapping("/api/v1/framework-agreements/{id}/orders")
    List<FrameworkOrderView> ordersOf(@PathVariable UUID id, CurrentUser user) {
        return orders.ofAgreement(id, user);
    }

    /** The collecting body publishes the order summary (成交结果汇总) of a period. */
    @PostMapping("/api/v1/framework-agreements/{id}/order-summaries")
    List<FrameworkOrderView> publishSummary(@PathVariable UUID id, @RequestParam LocalDate from, @RequestParam LocalDate to,
            CurrentUser user) {
        return orders.summary(id, from, to, true, user);
    }

    @GetMapping("/api/v1/framework-orders/mine")
    List<FrameworkOrderView> mine(CurrentUser user) {
        return orders.mine(user);
    }

    /** A supplier's secondary competitions (二次竞价) open to it, and its own offers' state. */
    @GetMapping("/api/v1/framework-orders/invitations")
    List<FrameworkInvitation> invitations(CurrentUser user) {
        return orders.invitations(user);
    }

    @GetMapping("/api/v1/framework-orders/{id}")
    FrameworkOrderView order(@PathVariable UUID id, CurrentUser user) {
        return orders.view(id, user);
    }

    /**
     * A shortlisted supplier's offer in a secondary competition: checked by procurement, then sealed on arrival to the
     * competition round's key; the answer is the platform-signed receipt. A later offer replaces the earlier one.
     */
    @PostMapping("/api/v1/framework-orders/{id}/offers")
    ResponseEntity<BidReceipt> offer(@PathVariable UUID id, @RequestBody OfferInput input, HttpServletRequest request,
            CurrentUser user) {
        return ResponseEntity.status(201).body(orders.offer(id, input == null ? null : input.price(), request.getRemoteAddr(), user));
    }

    /** The buyer asks for the result once the round is opened (sealing's event concludes it anyway). */
    @PostMapping("/api/v1/framework-orders/{id}/close")
    FrameworkOrderView close(@PathVariable UUID id, CurrentUser user) {
        return orders.close(id, user);
    }

    @PostMapping("/api/v1/framework-orders/{id}/publication")
    FrameworkOrderView publish(@PathVariable UUID id, CurrentUser user) {
        return orders.publish(id, user);
    }

    // ------------------------------------------------------------------------------------------- public

    @GetMapping("/api/v1/public/framework-agreements")
    List<FrameworkAgreementView> publicList() {
        return agreements.list(100, null);
    }

    @GetMapping("/api/v1/public/framework-agreements/{id}")
    FrameworkAgreementView publicView(@PathVariable UUID id) {
        return agreements.view(id, null);
    }

    /** The published orders of a period (成交结果汇总), as anyone may read them. */
    @GetMapping("/api/v1/public/framework-agreements/{id}/order-summary")
    List<FrameworkOrderView> publicSummary(@PathVariable UUID id, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return orders.summary(id, from, to, false, null);
    }
}
