package org.sunbid.platform.auction.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;

/**
 * After bidding ends (issue 17 part F): the result (public), the 成交确认书 (public: its text, signatures and
 * certificates, so anyone can verify it; the winner and then the owner's side sign), the payment schedule (the owner
 * records payments and an instalment plan; its owners and the region's staff read it).
 */
@RestController
@RequestMapping("/api/v1/auctions/{lotId}")
class AuctionResultApi {

    private final AuctionResults results;
    private final org.sunbid.platform.auction.AuctionDefaults defaults;

    AuctionResultApi(AuctionResults results, org.sunbid.platform.auction.AuctionDefaults defaults) {
        this.results = results;
        this.defaults = defaults;
    }

    record DefaultBody(String reason) {
    }

    /** Issue 20 fix D: the lot's owner declares the winner's default (竞得人违约); once (a repeat returns the first). */
    @PostMapping("/default")
    org.sunbid.platform.auction.AuctionDefaults.DefaultView declareDefault(@PathVariable UUID lotId,
            @RequestBody(required = false) DefaultBody body, CurrentUser user) {
        return defaults.declare(lotId, body == null ? null : body.reason(), user);
    }

    /** The declared default, if any (public, like the result). */
    @GetMapping("/default")
    org.sunbid.platform.auction.AuctionDefaults.DefaultView defaultOf(@PathVariable UUID lotId) {
        return defaults.find(lotId).orElseThrow(() -> new org.sunbid.platform.kernel.DomainException(
                org.sunbid.platform.auction.AuctionError.RESULT_NOT_FOUND));
    }

    @GetMapping("/result")
    AuctionResults.ResultView result(@PathVariable UUID lotId) {
        return results.result(lotId);
    }

    @GetMapping("/confirmation")
    AuctionResults.ConfirmationView confirmation(@PathVariable UUID lotId) {
        return results.confirmation(lotId);
    }

    /** The exact signed text, as a download (verify each signature of GET …/confirmation against it). */
    @GetMapping("/confirmation/statement")
    ResponseEntity<String> statement(@PathVariable UUID lotId) {
        return ResponseEntity.ok().contentType(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"confirmation-" + lotId + ".json\"")
                .body(results.confirmation(lotId).statement());
    }

    record SignatureBody(String signature, String certificatePem) {
    }

    @PostMapping("/confirmation/signatures")
    AuctionResults.ConfirmationView sign(@PathVariable UUID lotId, @RequestBody SignatureBody body, CurrentUser user) {
        return results.sign(lotId, body.signature(), body.certificatePem(), user);
    }

    @GetMapping("/payments")
    AuctionResults.PaymentSchedule payments(@PathVariable UUID lotId, CurrentUser user) {
        return results.schedule(lotId, user);
    }

    record PaymentBody(String amount, Instant paidAt, String note) {
    }

    @PostMapping("/payments")
    AuctionResults.PaymentSchedule pay(@PathVariable UUID lotId, @RequestBody PaymentBody body, CurrentUser user) {
        Money amount; // an unreadable amount is refused by the service, after it checked who is asking
        try {
            amount = Money.parse(body.amount());
        } catch (RuntimeException e) {
            amount = null;
        }
        return results.recordPayment(lotId, amount, body.paidAt(), body.note(), user);
    }

    record PlanBody(String guarantee, BigDecimal interestRate) {
    }

    @PutMapping("/payments/plan")
    AuctionResults.PaymentSchedule plan(@PathVariable UUID lotId, @RequestBody PlanBody body, CurrentUser user) {
        return results.planInstalments(lotId, body.guarantee(), body.interestRate(), user);
    }
}
