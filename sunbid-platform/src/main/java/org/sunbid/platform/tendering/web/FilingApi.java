package org.sunbid.platform.tendering.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.FilingRequirementView;
import org.sunbid.platform.tendering.FilingStatus;
import org.sunbid.platform.tendering.FilingView;
import org.sunbid.platform.tendering.TenderFilings;
import org.sunbid.platform.tendering.TenderingError;

/**
 * Filing of tender documents with the supervisor (招标文件备案) over HTTP: what the region requires, the owner's filings,
 * the supervisor's decisions and to-do list, the administrators' rules.
 */
@RestController
class FilingApi {

    private final TenderFilings filings;

    FilingApi(TenderFilings filings) {
        this.filings = filings;
    }

    /** The supervisor's decision: ACCEPTED, or RETURNED with the reasons. */
    record DecisionInput(@NotNull FilingStatus decision, @Size(max = 5000) String reasons) {
    }

    /** A region's filing rule (maintained data). */
    record RuleInput(@NotBlank @Size(max = 12) String regionCode, @NotBlank @Size(max = 40) String appliesTo, boolean required,
            long reviewAmount, @NotBlank String reviewUnit, @NotBlank @Size(max = 300) String basis,
            @NotNull LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    @GetMapping("/api/v1/tenders/{id}/filing")
    FilingRequirementView requirement(@PathVariable UUID id, CurrentUser user) {
        return filings.requirement(id, user);
    }

    @GetMapping("/api/v1/tenders/{id}/filings")
    List<FilingView> history(@PathVariable UUID id, CurrentUser user) {
        return filings.history(id, user);
    }

    @PostMapping("/api/v1/tenders/{id}/filings")
    ResponseEntity<FilingView> file(@PathVariable UUID id, CurrentUser user) {
        FilingView filed = filings.file(id, user);
        return ResponseEntity.created(URI.create("/api/v1/tenders/" + id + "/filings/" + filed.id())).body(filed);
    }

    @PostMapping("/api/v1/tenders/{id}/filings/{filingId}/decision")
    FilingView decide(@PathVariable UUID id, @PathVariable UUID filingId, @Valid @RequestBody DecisionInput body,
            CurrentUser user) {
        if (body.decision() == FilingStatus.PENDING) {
            throw new DomainException(TenderingError.INVALID_TENDER, "decision");
        }
        return filings.decide(id, filingId, body.decision() == FilingStatus.ACCEPTED, body.reasons(), user);
    }

    /** The filings waiting for the caller's supervision department. */
    @GetMapping("/api/v1/filings")
    List<FilingView> awaiting(CurrentUser user) {
        return filings.awaitingSupervisor(user);
    }

    @PostMapping("/api/v1/filing-rules")
    ResponseEntity<Void> setRule(@Valid @RequestBody RuleInput body, CurrentUser user) {
        filings.setRule(body.regionCode(), body.appliesTo(), body.required(), body.reviewAmount(), body.reviewUnit(),
                body.basis(), body.effectiveFrom(), body.effectiveTo(), user);
        return ResponseEntity.noContent().build();
    }
}
