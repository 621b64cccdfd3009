package org.sunbid.platform.sealing.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.BidReceipt;
import org.sunbid.platform.sealing.OfferRoundView;
import org.sunbid.platform.sealing.OfferRounds;
import org.sunbid.platform.sealing.SealingError;

/**
 * Rounds of sealed final offers (最后报价) on a lot: a supplier of the round submits its offer (sealed on arrival) and
 * fetches its receipt; each custodian fetches its encrypted share of the round's key and releases it once the round is
 * due; anyone sees a round (its key, whether all offers are in) and, once opened, its signed record. Rounds are opened
 * by the procurement context ({@link OfferRounds#open}).
 */
@RestController
class OfferRoundsApi {

    private final OfferRounds rounds;

    OfferRoundsApi(OfferRounds rounds) {
        this.rounds = rounds;
    }

    record OfferInput(@NotBlank @Size(max = 65536) String priceSheet) {
    }

    record ShareInput(@NotBlank @Size(max = 4000) String share) {
    }

    @GetMapping("/api/v1/tenders/{id}/offer-rounds")
    List<OfferRoundView> rounds(@PathVariable UUID id) {
        return rounds.rounds(id);
    }

    @GetMapping("/api/v1/tenders/{id}/offer-rounds/{round}")
    OfferRoundView round(@PathVariable UUID id, @PathVariable int round) {
        return rounds.view(id, round).orElseThrow(() -> new DomainException(SealingError.ROUND_NOT_FOUND));
    }

    /** A supplier of the round submits its final offer: {@code priceSheet} as a JSON string, sealed on arrival. */
    @PostMapping("/api/v1/tenders/{id}/offer-rounds/{round}/offers")
    ResponseEntity<BidReceipt> submit(@PathVariable UUID id, @PathVariable int round, @Valid @RequestBody OfferInput body,
            HttpServletRequest request, CurrentUser user) {
        return ResponseEntity.status(201).body(rounds.submit(id, round, body.priceSheet(), null, null, request.getRemoteAddr(), user));
    }

    @GetMapping("/api/v1/tenders/{id}/offer-rounds/{round}/offers/mine")
    BidReceipt myOffer(@PathVariable UUID id, @PathVariable int round, CurrentUser user) {
        return rounds.myReceipt(id, round, user);
    }

    /** The caller's organisation's encrypted share of the round's key, if it is a custodian. */
    @GetMapping("/api/v1/tenders/{id}/offer-rounds/{round}/key/my-share")
    Map<String, String> myShare(@PathVariable UUID id, @PathVariable int round, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(CommonError.NOT_FOUND);
        }
        return Map.of("encryptedShare", rounds.myEncryptedShare(id, round, user));
    }

    /** A custodian releases its decrypted share once the round is due; the threshold reached, the offers are opened. */
    @PostMapping("/api/v1/tenders/{id}/offer-rounds/{round}/shares")
    OfferRoundView release(@PathVariable UUID id, @PathVariable int round, @Valid @RequestBody ShareInput body,
            CurrentUser user) {
        return rounds.releaseShare(id, round, body.share(), user);
    }
}
