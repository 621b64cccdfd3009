package org.sunbid.platform.auction.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.auction.AuctionBidders;
import org.sunbid.platform.auction.AuctionError;
import org.sunbid.platform.auction.AuctionReserves;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.ReserveView;

/**
 * Part D of issue 17: the sealed reserve (底价) — set by the lot's owner or agency, sealed on arrival; the custodians'
 * shares once bidding ended; public once opened — and the bidder numbers (竞买号): a bidder's own number, the lot's
 * numbers, and who stood behind each once bidding ended.
 */
@RestController
class AuctionSealingApi {

    private final AuctionReserves reserves;
    private final AuctionBidders bidders;

    AuctionSealingApi(AuctionReserves reserves, AuctionBidders bidders) {
        this.reserves = reserves;
        this.bidders = bidders;
    }

    record ReserveInput(@NotBlank @Size(max = 40) String amount) {
    }

    record ShareInput(@NotBlank @Size(max = 4000) String share) {
    }

    @PutMapping("/api/v1/auctions/{lotId}/reserve")
    ReserveView set(@PathVariable UUID lotId, @Valid @RequestBody ReserveInput body, CurrentUser user) {
        return reserves.set(lotId, body.amount(), user);
    }

    @GetMapping("/api/v1/auctions/{lotId}/reserve")
    Map<String, Object> reserve(@PathVariable UUID lotId) {
        return reserves.view(lotId);
    }

    /** The reserve's envelope (ciphertext) once opened: with the record's opening key anyone can open it. */
    @GetMapping("/api/v1/auctions/{lotId}/reserve/envelope")
    org.springframework.http.ResponseEntity<byte[]> envelope(@PathVariable UUID lotId) {
        byte[] envelope = reserves.openedEnvelope(lotId); // RESERVE_NOT_OPENED (problem+json) before
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM).body(envelope);
    }

    @GetMapping("/api/v1/auctions/{lotId}/reserve/key/my-share")
    Map<String, String> myShare(@PathVariable UUID lotId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(CommonError.NOT_FOUND);
        }
        return Map.of("encryptedShare", reserves.myEncryptedShare(lotId, user));
    }

    @PostMapping("/api/v1/auctions/{lotId}/reserve/shares")
    Map<String, Object> release(@PathVariable UUID lotId, @Valid @RequestBody ShareInput body, CurrentUser user) {
        return reserves.releaseShare(lotId, body.share(), user);
    }

    @GetMapping("/api/v1/auctions/{lotId}/bidder")
    Map<String, String> myNumber(@PathVariable UUID lotId, CurrentUser user) {
        return Map.of("lotId", lotId.toString(), "bidderNumber", bidders.numberOf(lotId, user).orElseThrow(() -> {
            bidders.explainNoNumber(lotId, user); // CREDIT_RESTRICTED where a credit record is why (issue 20)
            return new DomainException(AuctionError.NO_BIDDER_NUMBER);
        }));
    }

    /** The lot's bidder numbers; who stood behind each only once bidding ended (then with the salted commitment). */
    @GetMapping("/api/v1/auctions/{lotId}/bidders")
    Map<String, Object> numbers(@PathVariable UUID lotId) {
        reserves.requirePublished(lotId); // an unknown or draft lot: 404, as its other public views
        List<AuctionBidders.Disclosed> disclosed = bidders.disclosed(lotId);
        // numbers only once applications closed: before, a listing admits bidders as they come and no count may show
        List<String> numbers = bidders.qualified(lotId) ? List.copyOf(bidders.numbers(lotId)) : List.of();
        return Map.of("lotId", lotId.toString(), "numbers", numbers, "disclosed", disclosed);
    }
}
