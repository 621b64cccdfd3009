package org.sunbid.platform.tendering.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.deals.DealsError;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderingError;
import org.sunbid.platform.tendering.Tenders;

/**
 * Registers a trading project whose lots each run a tender ({@code POST /api/v1/projects}): the project's fields and
 * each lot's tender terms make one project and one draft tender per lot (the tender's id is the lot's id), in one
 * transaction. Reading projects is the deals context's {@code GET /api/v1/projects}.
 */
@RestController
class TenderProjectApi {

    private final Tenders tenders;

    TenderProjectApi(Tenders tenders) {
        this.tenders = tenders;
    }

    /** One lot's tender: its name and budget are the lot's. Amounts in yuan, times as ISO-8601 instants. */
    record LotTender(@NotBlank @Size(max = 40) String projectCode, @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 50) String category, @NotNull BigDecimal estimatedPrice, @NotNull BigDecimal deposit,
            @Size(max = 5000) String qualification, @NotNull EvaluationMethod evaluationMethod, @NotNull Instant bidDeadline,
            @NotBlank @Size(max = 200) String openingVenue, int bidValidityDays, @NotNull Instant documentsAvailableUntil,
            @NotBlank @Size(max = 50000) String notice) {

        TenderTerms terms() {
            try {
                return new TenderTerms(projectCode, name, category, new Money(estimatedPrice), new Money(deposit),
                        qualification == null ? "" : qualification, evaluationMethod, bidDeadline, openingVenue,
                        bidValidityDays, documentsAvailableUntil, notice,
                        List.of(new TenderTerms.Lot(name, new Money(estimatedPrice))));
            } catch (IllegalArgumentException e) { // an amount with more than two decimals, or negative
                throw new DomainException(TenderingError.INVALID_TENDER, "amount");
            }
        }
    }

    /** A project with its lots' tenders. */
    record CreateProject(@Size(max = 10) String kind, @Size(max = 40) String procedureCode,
            @NotBlank @Size(max = 200) String name, @NotNull BigDecimal budget, BigDecimal priceCap,
            @NotNull ProjectCategory category, @Size(max = 40) String itemCode, UUID tendereeId,
            @NotEmpty @Size(max = 50) List<@Valid LotTender> lots) {

        Tenders.NewTenderProject project() {
            Money budgetMoney;
            Money cap;
            try {
                budgetMoney = new Money(budget);
                cap = priceCap == null ? null : new Money(priceCap);
            } catch (IllegalArgumentException e) {
                throw new DomainException(DealsError.DEALS_INVALID_PROJECT, "budget");
            }
            return new Tenders.NewTenderProject(kind, procedureCode, name, budgetMoney, cap, category,
                    itemCode == null || itemCode.isBlank() ? null : itemCode.strip(),
                    lots.stream().map(LotTender::terms).toList());
        }
    }

    @PostMapping("/api/v1/projects")
    ResponseEntity<ProjectView> create(@Valid @RequestBody CreateProject body, CurrentUser user) {
        ProjectView project = tenders.createProject(body.project(), body.tendereeId(), user);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).body(project);
    }
}
