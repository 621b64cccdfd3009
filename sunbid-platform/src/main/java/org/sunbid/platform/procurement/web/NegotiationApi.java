package org.sunbid.platform.procurement.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.procurement.NegotiationView;
import org.sunbid.platform.procurement.Negotiations;

/** Negotiation and consultation rounds over HTTP: who may act is decided by the service (panel, supplier, observer). */
@RestController
class NegotiationApi {

    private final Negotiations negotiations;

    NegotiationApi(Negotiations negotiations) {
        this.negotiations = negotiations;
    }

    record TextInput(String text) {
    }

    record ExclusionInput(UUID supplierId, String reason) {
    }

    record FinalOffersInput(Instant deadline) {
    }

    @PostMapping("/api/v1/tenders/{id}/negotiation")
    NegotiationView start(@PathVariable UUID id, CurrentUser user) {
        return negotiations.start(id, user);
    }

    @GetMapping("/api/v1/tenders/{id}/negotiation")
    NegotiationView view(@PathVariable UUID id, CurrentUser user) {
        return negotiations.view(id, user);
    }

    @GetMapping("/api/v1/tenders/{id}/negotiation/threads/{supplierId}")
    NegotiationView.ThreadView thread(@PathVariable UUID id, @PathVariable UUID supplierId, CurrentUser user) {
        return negotiations.thread(id, supplierId, user);
    }

    /** The panel writes in a supplier's thread. */
    @PostMapping("/api/v1/tenders/{id}/negotiation/threads/{supplierId}/messages")
    NegotiationView.MessageView panelMessage(@PathVariable UUID id, @PathVariable UUID supplierId, @RequestBody TextInput input,
            CurrentUser user) {
        return negotiations.postAsPanel(id, supplierId, input.text(), user);
    }

    /** The supplier writes in its own thread. */
    @PostMapping("/api/v1/tenders/{id}/negotiation/thread/messages")
    NegotiationView.MessageView supplierMessage(@PathVariable UUID id, @RequestBody TextInput input, CurrentUser user) {
        return negotiations.postAsSupplier(id, input.text(), user);
    }

    @PostMapping("/api/v1/tenders/{id}/negotiation/changes")
    NegotiationView change(@PathVariable UUID id, @RequestBody TextInput input, CurrentUser user) {
        return negotiations.change(id, input.text(), user);
    }

    @PostMapping("/api/v1/tenders/{id}/negotiation/changes/{changeId}/acknowledgement")
    NegotiationView acknowledge(@PathVariable UUID id, @PathVariable UUID changeId, CurrentUser user) {
        return negotiations.acknowledge(id, changeId, user);
    }

    @PostMapping("/api/v1/tenders/{id}/negotiation/exclusions")
    NegotiationView exclude(@PathVariable UUID id, @RequestBody ExclusionInput input, CurrentUser user) {
        return negotiations.exclude(id, input.supplierId(), input.reason(), user);
    }

    @PostMapping("/api/v1/tenders/{id}/negotiation/final-offers")
    NegotiationView callFinalOffers(@PathVariable UUID id, @RequestBody FinalOffersInput input, CurrentUser user) {
        return negotiations.callFinalOffers(id, input.deadline(), user);
    }

    @PostMapping("/api/v1/tenders/{id}/negotiation/rounds")
    NegotiationView nextRound(@PathVariable UUID id, CurrentUser user) {
        return negotiations.nextRound(id, user);
    }

    @PostMapping("/api/v1/tenders/{id}/negotiation/closure")
    NegotiationView close(@PathVariable UUID id, CurrentUser user) {
        return negotiations.close(id, user);
    }
}
