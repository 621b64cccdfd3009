package org.sunbid.platform.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.OfferRoundView;
import org.sunbid.platform.sealing.OfferRounds;
import org.sunbid.platform.sealing.TenderKeys;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * A lot's rounds of sealed final offers (最后报价) on the workbench: each round's deadline, whether every offer is in
 * (nothing more before opening), the custodians' shares released, and once opened the signed round record; a custodian
 * pastes its decrypted share of a due round's key (or releases it with {@code sunbid-bidder release --round N}).
 */
@Controller
@RequestMapping("/workbench/tenders")
class OfferRoundPages {

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() {
    };

    private final Tenders tenders;
    private final OfferRounds rounds;
    private final TenderKeys keys;
    private final org.sunbid.platform.disclosure.DealStatuses statuses;
    private final org.sunbid.platform.kernel.Problems problems;
    private final tools.jackson.databind.json.JsonMapper json;

    OfferRoundPages(Tenders tenders, OfferRounds rounds, TenderKeys keys, org.sunbid.platform.disclosure.DealStatuses statuses,
            org.sunbid.platform.kernel.Problems problems, tools.jackson.databind.json.JsonMapper json) {
        this.tenders = tenders;
        this.rounds = rounds;
        this.keys = keys;
        this.statuses = statuses;
        this.problems = problems;
        this.json = json;
    }

    /** A round as the page shows it: the view and, once opened, the record's offers. */
    record Row(OfferRoundView round, List<Map<String, Object>> offers) {
    }

    /** The offers of an opened round's record (bidder, status, priceSheet, reason), as the pages list them. */
    static List<Map<String, Object>> offersOf(tools.jackson.databind.json.JsonMapper json, String record) {
        List<Map<String, Object>> offers = new ArrayList<>();
        for (Object o : (List<?>) json.readValue(record, MAP).get("offers")) {
            Map<String, Object> offer = new LinkedHashMap<>();
            ((Map<?, ?>) o).forEach((k, v) -> offer.put(String.valueOf(k), v));
            offers.add(offer);
        }
        return offers;
    }

    @GetMapping("/{id}/offer-rounds")
    String rounds(CurrentUser user, @PathVariable UUID id, Model model) {
        TenderView tender = tenders.get(id, user);
        List<Row> rows = new ArrayList<>();
        for (OfferRoundView r : rounds.rounds(id)) {
            rows.add(new Row(r, r.record() == null ? List.of() : offersOf(json, r.record())));
        }
        model.addAttribute("tender", tender);
        model.addAttribute("stage", statuses.of(tender));
        model.addAttribute("rows", rows);
        model.addAttribute("custodianIndex", keys.shareIndexOf(id, user.organisationId()).orElse(null));
        model.addAttribute("platformUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().build().toUriString());
        return "workbench/offer-rounds";
    }

    /** A custodian releases its share of round {@code round}'s key, decrypted with the bidder tool and pasted here. */
    @PostMapping("/{id}/offer-rounds/{round}/share")
    String release(CurrentUser user, @PathVariable UUID id, @PathVariable int round, @RequestParam String share,
            RedirectAttributes redirect) {
        try {
            rounds.releaseShare(id, round, share, user);
            redirect.addFlashAttribute("done", "offer-rounds.released");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", problems.message(e.errorCode(), e.arguments()));
        }
        return "redirect:/workbench/tenders/" + id + "/offer-rounds";
    }
}
