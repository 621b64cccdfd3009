package org.sunbid.platform.tendering.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.Clarification;
import org.sunbid.platform.tendering.RegistrationView;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.TenderDocuments;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.TenderingError;
import org.sunbid.platform.tendering.Tenders;

/** Tenders over HTTP: public notices, and the commands of tenderees, agencies and bidders. */
@RestController
@RequestMapping("/api/v1/tenders")
class TenderApi {

    private final Tenders tenders;
    private final Registrations registrations;
    private final TenderDocuments documents;

    TenderApi(Tenders tenders, Registrations registrations, TenderDocuments documents) {
        this.documents = documents;
        this.tenders = tenders;
        this.registrations = registrations;
    }

    record LotInput(@NotBlank @Size(max = 200) String name, @NotNull BigDecimal estimatedPrice) {
    }

    /** A new tender; amounts in yuan as decimal numbers or strings, times as ISO-8601 instants. */
    record CreateTender(@NotBlank @Size(max = 40) String projectCode, @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 50) String category, @NotNull BigDecimal estimatedPrice, @NotNull BigDecimal deposit,
            @Size(max = 5000) String qualification, @NotNull EvaluationMethod evaluationMethod, @NotNull Instant bidDeadline,
            @NotBlank @Size(max = 200) String openingVenue, int bidValidityDays, @NotNull Instant documentsAvailableUntil,
            @NotBlank @Size(max = 50000) String notice, @NotEmpty @Size(max = 50) List<@Valid LotInput> lots, UUID tendereeId) {

        TenderTerms terms() {
            try {
                return new TenderTerms(projectCode, name, category, new Money(estimatedPrice), new Money(deposit),
                        qualification == null ? "" : qualification, evaluationMethod, bidDeadline, openingVenue,
                        bidValidityDays, documentsAvailableUntil, notice,
                        lots.stream().map(l -> new TenderTerms.Lot(l.name(), new Money(l.estimatedPrice()))).toList());
            } catch (IllegalArgumentException e) { // an amount with more than two decimals, or negative
                throw new DomainException(TenderingError.INVALID_TENDER, "amount");
            }
        }
    }

    record ClarificationInput(@NotBlank @Size(max = 20000) String text, boolean affectsPreparation) {
    }

    record TextInput(@NotBlank @Size(max = 20000) String text) {
    }

    @GetMapping
    List<TenderView> published(@RequestParam(defaultValue = "50") int limit) {
        return tenders.published(limit);
    }

    @GetMapping("/{id}")
    TenderView get(@PathVariable UUID id, @Nullable CurrentUser user) {
        return tenders.get(id, user);
    }

    @PostMapping
    ResponseEntity<TenderView> create(@Valid @RequestBody CreateTender body, CurrentUser user) {
        TenderView created = tenders.create(body.terms(), body.tendereeId(), user);
        return ResponseEntity.created(URI.create("/api/v1/tenders/" + created.id())).body(created);
    }

    @PostMapping("/{id}/publish")
    TenderView publish(@PathVariable UUID id, CurrentUser user) {
        return tenders.publish(id, user);
    }

    @PostMapping("/{id}/clarifications")
    Clarification clarify(@PathVariable UUID id, @Valid @RequestBody ClarificationInput body, CurrentUser user) {
        return tenders.clarify(id, body.text(), body.affectsPreparation(), user);
    }

    @PostMapping("/{id}/objections")
    TenderView.ObjectionView object(@PathVariable UUID id, @Valid @RequestBody TextInput body, CurrentUser user) {
        return tenders.raiseObjection(id, body.text(), user);
    }

    @PostMapping("/{id}/objections/{objectionId}/answer")
    TenderView answer(@PathVariable UUID id, @PathVariable UUID objectionId, @Valid @RequestBody TextInput body,
            CurrentUser user) {
        return tenders.answerObjection(id, objectionId, body.text(), user);
    }

    /**
     * A bidder registers (报名); the answer concerns the bidder alone. An optional body names the other members of its
     * consortium (联合体) by 统一社会信用代码: {@code {"consortium": ["91…", …]}}.
     */
    @PostMapping("/{id}/registrations")
    RegistrationView register(@PathVariable UUID id, @RequestBody(required = false) RegistrationRequest body, CurrentUser user) {
        return registrations.register(id, body == null || body.consortium() == null ? java.util.List.of() : body.consortium(), user);
    }

    /** A registration's body: the consortium's other members (none: the bidder alone). */
    record RegistrationRequest(java.util.List<String> consortium) {
    }

    @GetMapping("/{id}/registrations/mine")
    RegistrationView myRegistration(@PathVariable UUID id, CurrentUser user) {
        return registrations.mine(id, user);
    }

    /** Who registered: owners and staff, after bidding has closed. */
    @GetMapping("/{id}/registrations")
    List<RegistrationView> registrations(@PathVariable UUID id, CurrentUser user) {
        return registrations.list(id, user);
    }

    /** A supervisor's break-glass view before the deadline; the access is logged in public. */
    @PostMapping("/{id}/registrations/break-glass")
    List<RegistrationView> breakGlass(@PathVariable UUID id, @Valid @RequestBody TextInput reason, CurrentUser user) {
        return registrations.breakGlass(id, reason.text(), user);
    }

    /** Adds a tender document, streamed as the raw request body; {@code name} is its file name. */
    @PostMapping(path = "/{id}/documents")
    ResponseEntity<TenderDocuments.Document> upload(@PathVariable UUID id, @RequestParam String name,
            HttpServletRequest request, CurrentUser user) throws IOException {
        TenderDocuments.Document document = documents.upload(id, name, request.getContentType(),
                request.getContentLengthLong(), request.getInputStream(), user);
        return ResponseEntity.created(URI.create("/api/v1/tenders/" + id + "/documents/" + document.id())).body(document);
    }

    @GetMapping("/{id}/documents")
    List<TenderDocuments.Document> documents(@PathVariable UUID id, @Nullable CurrentUser user) {
        return documents.list(id, user);
    }

    /** A document's bytes: registered bidders (download recorded with the IP address), owners and staff. */
    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<Resource> download(@PathVariable UUID id, @PathVariable UUID documentId, HttpServletRequest request,
            CurrentUser user) {
        return documents.download(id, documentId, request.getRemoteAddr(), user).asAttachment();
    }

    @PostMapping("/{id}/terminate")
    TenderView terminate(@PathVariable UUID id, @Valid @RequestBody TextInput body, CurrentUser user) {
        return tenders.terminate(id, body.text(), user);
    }
}
