package org.sunbid.platform.sealing.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.BidReceipt;
import org.sunbid.platform.sealing.Bids;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.OpeningKeyView;
import org.sunbid.platform.sealing.OpeningView;
import org.sunbid.platform.sealing.TenderKeys;

/**
 * A tender's opening key (public, for bidders to seal to; each custodian fetches its own encrypted share) and the
 * bidders' sealed envelopes.
 */
@RestController
class SealingApi {

    private final TenderKeys keys;
    private final Bids bids;
    private final BidOpenings openings;

    private final org.sunbid.platform.parties.ClientAddress sources;

    SealingApi(TenderKeys keys, Bids bids, BidOpenings openings, org.sunbid.platform.parties.ClientAddress sources) {
        this.sources = sources;
        this.keys = keys;
        this.bids = bids;
        this.openings = openings;
    }

    record ShareInput(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 4000) String share) {
    }

    /** A custodian releases its decrypted share, after the deadline; the threshold reached, the bids are opened. */
    @PostMapping("/api/v1/tenders/{id}/opening/shares")
    OpeningView release(@PathVariable UUID id, @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody ShareInput body,
            CurrentUser user) {
        return openings.releaseShare(id, body.share(), user);
    }

    /**
     * {@code receipt} with {@code receiptBatch} (its batch proof as the platform returned it) or, for a receipt issued
     * before batches, {@code receiptSignature}: the platform-signed bid receipt, for objecting when no bid is on record.
     */
    record ResponseInput(@jakarta.validation.constraints.Size(max = 20000) String objection,
            @jakarta.validation.constraints.Size(max = 4000) String receipt,
            @jakarta.validation.constraints.Size(max = 400) String receiptSignature,
            org.sunbid.crypto.log.ReceiptBatch.Proof receiptBatch) {
    }

    record AnswerInput(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 20000) String text) {
    }

    /** A bidder confirms the opening record (no objection) or objects to it, online (不见面开标). */
    @PostMapping("/api/v1/tenders/{id}/opening/responses")
    OpeningView respond(@PathVariable UUID id, @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody ResponseInput body,
            CurrentUser user) {
        return openings.respond(id, body.objection(), body.receipt(), body.receiptSignature(), body.receiptBatch(), user);
    }

    /** The tenderee or agency answers a bidder's objection to the opening. */
    @PostMapping("/api/v1/tenders/{id}/opening/responses/{bidderId}/answer")
    OpeningView answer(@PathVariable UUID id, @PathVariable UUID bidderId,
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody AnswerInput body, CurrentUser user) {
        return openings.answer(id, bidderId, body.text(), user);
    }

    record ThresholdInput(int threshold) {
    }

    /** How many custodians must act together for the region's tenders (administrators). */
    @org.springframework.web.bind.annotation.PutMapping("/api/v1/regions/{code}/opening-key-threshold")
    Map<String, Integer> setThreshold(@PathVariable String code, @org.springframework.web.bind.annotation.RequestBody ThresholdInput body,
            CurrentUser user) {
        return Map.of("threshold", keys.setThreshold(code, body.threshold(), user));
    }

    @GetMapping("/api/v1/regions/{code}/opening-key-threshold")
    Map<String, Integer> threshold(@PathVariable String code) {
        return Map.of("threshold", keys.thresholdFor(code));
    }

    /** Where the opening stands; once opened, the platform-signed opening record. */
    @GetMapping("/api/v1/tenders/{id}/opening")
    OpeningView opening(@PathVariable UUID id) {
        return openings.view(id);
    }

    /** A sealed envelope, streamed as the raw request body (application/octet-stream). */
    @PostMapping("/api/v1/tenders/{id}/bids")
    ResponseEntity<BidReceipt> submit(@PathVariable UUID id, HttpServletRequest request, CurrentUser user) throws IOException {
        BidReceipt receipt = bids.submit(id, request.getInputStream(), request.getContentLengthLong(), sources.of(request), user);
        return ResponseEntity.status(201).body(receipt);
    }

    /**
     * One plain bid file, sealed by the platform while it streams in (raw body); {@code priceSheet} is the price sheet
     * JSON. For clients that cannot seal themselves; the receipt says the envelope was sealed on arrival.
     */
    @PostMapping("/api/v1/tenders/{id}/bids/sealed-on-arrival")
    ResponseEntity<BidReceipt> sealOnArrival(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestParam String name,
            @org.springframework.web.bind.annotation.RequestParam String priceSheet, HttpServletRequest request, CurrentUser user)
            throws IOException {
        return ResponseEntity.status(201).body(bids.sealOnArrival(id, name, priceSheet, request.getInputStream(),
                request.getContentLengthLong(), sources.of(request), user));
    }

    @GetMapping("/api/v1/tenders/{id}/bids/mine")
    BidReceipt myBid(@PathVariable UUID id, CurrentUser user) {
        return bids.myReceipt(id, user);
    }

    /** An unsigned withdrawal: refused (the bidder signs its withdrawal like its bid); nothing changes. */
    @DeleteMapping("/api/v1/tenders/{id}/bids/mine")
    ResponseEntity<Void> withdrawUnsigned(@PathVariable UUID id, HttpServletRequest request, CurrentUser user) {
        bids.withdraw(id, null, null, null, sources.of(request), user);
        return ResponseEntity.noContent().build(); // not reached: an unsigned withdrawal is refused
    }

    record WithdrawalInput(@jakarta.validation.constraints.Size(max = 2000) String statement,
            @jakarta.validation.constraints.Size(max = 400) String signature,
            @jakarta.validation.constraints.Size(max = 20000) String certificatePem) {
    }

    /**
     * Withdraws the caller's valid bid on its signed statement (sunbid.sealing.Withdrawal: canonical JSON signed
     * SM3withSM2 by the bidder's registered certificate, given as PEM or, when absent, the one in force); answers the
     * platform-signed withdrawal receipt.
     */
    /** The receipt of the caller's withdrawal, with its log commitment once committed. */
    @GetMapping("/api/v1/tenders/{id}/bids/mine/withdrawal")
    BidReceipt myWithdrawal(@PathVariable UUID id, CurrentUser user) {
        return bids.myWithdrawal(id, user);
    }

    @PostMapping("/api/v1/tenders/{id}/bids/mine/withdrawal")
    BidReceipt withdraw(@PathVariable UUID id, @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody
            WithdrawalInput body, HttpServletRequest request, CurrentUser user) {
        return bids.withdraw(id, body.statement(), body.signature(), body.certificatePem(), sources.of(request), user);
    }

    @GetMapping("/api/v1/tenders/{id}/opening-key")
    OpeningKeyView openingKey(@PathVariable UUID id) {
        return keys.view(id);
    }

    /** The caller's organisation's encrypted share, if it is a custodian of this tender. */
    @GetMapping("/api/v1/tenders/{id}/opening-key/my-share")
    Map<String, String> myShare(@PathVariable UUID id, CurrentUser user) {
        if (user.organisationId() == null) {
            throw new DomainException(CommonError.NOT_FOUND);
        }
        return Map.of("encryptedShare", keys.encryptedShare(id, user.organisationId()));
    }
}
