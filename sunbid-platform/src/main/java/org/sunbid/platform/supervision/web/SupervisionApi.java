package org.sunbid.platform.supervision.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

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
import org.sunbid.platform.supervision.CatalogueEntry;
import org.sunbid.platform.supervision.Exemptions;
import org.sunbid.platform.supervision.ExemptionView;
import org.sunbid.platform.supervision.MustTradeCatalogue;
import org.sunbid.platform.supervision.OffPlatformDealView;
import org.sunbid.platform.supervision.OffPlatformDeals;
import org.sunbid.platform.supervision.SupervisionError;
import org.sunbid.platform.supervision.SupervisionFlag;

/**
 * Supervision over HTTP: the must-trade catalogue (public to read; the administrator and centre staff maintain it),
 * exemptions (owners apply, the region's supervisor decides), off-platform deals (owners declare and report), the
 * public lists and the supervisor's flags. Kinds, categories, amounts and dates travel as strings so that a wrong one
 * gets its own code (UNKNOWN_DEAL_KIND, UNKNOWN_CATEGORY, INVALID_AMOUNT, SUPERVISION_FIELD_INVALID).
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionApi {

    private final MustTradeCatalogue catalogue;
    private final Exemptions exemptions;
    private final OffPlatformDeals deals;

    SupervisionApi(MustTradeCatalogue catalogue, Exemptions exemptions, OffPlatformDeals deals) {
        this.catalogue = catalogue;
        this.exemptions = exemptions;
        this.deals = deals;
    }

    // --- the catalogue ---------------------------------------------------------------------------------------------

    /** A region's catalogue on a date: the entries in force for it (its own and inherited) and its own rows. */
    record RegionCatalogue(String regionCode, LocalDate date, List<CatalogueEntry> effective, List<CatalogueEntry> own) {
    }

    @GetMapping("/catalogue/{code}")
    RegionCatalogue catalogue(@PathVariable("code") String region, @RequestParam(required = false) String date) {
        LocalDate on = date(date, "date", false);
        return new RegionCatalogue(region, on == null ? catalogue.today() : on, catalogue.effective(region, on),
                catalogue.own(region));
    }

    /** Whether a deal must trade on the platform, and why. */
    @GetMapping("/must-trade")
    MustTradeCatalogue.Answer mustTrade(@RequestParam(required = false) String kind, @RequestParam(required = false) String category,
            @RequestParam(required = false) String value, @RequestParam(required = false) String region,
            @RequestParam(required = false) String date) {
        if (region == null || region.isBlank()) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "region");
        }
        return catalogue.decide(MustTradeCatalogue.kind(kind), MustTradeCatalogue.category(category), amount(value, "value", false),
                region, date(date, "date", false));
    }

    record NewEntryBody(String kind, String category, String threshold, String basis, String effectiveFrom, String effectiveTo) {
    }

    @PostMapping("/catalogue/{code}/entries")
    ResponseEntity<CatalogueEntry> addEntry(@PathVariable("code") String region, @RequestBody NewEntryBody body, CurrentUser user) {
        CatalogueEntry created = catalogue.add(region, new MustTradeCatalogue.NewEntry(MustTradeCatalogue.kind(body.kind()),
                MustTradeCatalogue.category(body.category()), amount(body.threshold(), "threshold", false), body.basis(),
                date(body.effectiveFrom(), "effectiveFrom", true), date(body.effectiveTo(), "effectiveTo", false)), user);
        return ResponseEntity.created(URI.create("/api/v1/supervision/catalogue/" + region)).body(created);
    }

    record EndBody(String effectiveTo) {
    }

    @PostMapping("/catalogue/entries/{id}/end")
    CatalogueEntry endEntry(@PathVariable UUID id, @RequestBody EndBody body, CurrentUser user) {
        return catalogue.end(id, date(body.effectiveTo(), "effectiveTo", true), user);
    }

    // --- exemptions ------------------------------------------------------------------------------------------------

    record ExemptionBody(String kind, String category, String itemCode, String projectCode, String projectName,
            String regionCode, String value, String reason, String basis) {
    }

    @PostMapping("/exemptions")
    ResponseEntity<ExemptionView> apply(@RequestBody ExemptionBody b, CurrentUser user) {
        ExemptionView created = exemptions.apply(new Exemptions.Application(MustTradeCatalogue.kind(b.kind()),
                MustTradeCatalogue.category(b.category()), b.itemCode(), b.projectCode(), b.projectName(), b.regionCode(),
                amount(b.value(), "value", true), b.reason(), b.basis()), user);
        return ResponseEntity.created(URI.create("/api/v1/supervision/exemptions/" + created.id())).body(created);
    }

    @GetMapping("/exemptions")
    List<ExemptionView> exemptions(CurrentUser user) {
        return exemptions.visibleTo(user);
    }

    @GetMapping("/exemptions/{id}")
    ExemptionView exemption(@PathVariable UUID id, CurrentUser user) {
        return exemptions.get(id, user);
    }

    record DecisionBody(String reason) {
    }

    @PostMapping("/exemptions/{id}/approval")
    ExemptionView approve(@PathVariable UUID id, @RequestBody(required = false) DecisionBody body, CurrentUser user) {
        return exemptions.approve(id, body == null ? null : body.reason(), user);
    }

    @PostMapping("/exemptions/{id}/return")
    ExemptionView returnIt(@PathVariable UUID id, @RequestBody(required = false) DecisionBody body, CurrentUser user) {
        return exemptions.returnIt(id, body == null ? null : body.reason(), user);
    }

    // --- off-platform deals ----------------------------------------------------------------------------------------

    record ResultBody(String resultOn, String resultValue, String counterparty, String summary) {
    }

    record DeclarationBody(String kind, String category, String itemCode, String projectCode, String projectName,
            String regionCode, String value, String resultExpectedOn, UUID exemptionId, ResultBody result) {
    }

    @PostMapping("/off-platform-deals")
    ResponseEntity<OffPlatformDealView> declare(@RequestBody DeclarationBody b, CurrentUser user) {
        OffPlatformDealView created = deals.declare(new OffPlatformDeals.Declaration(MustTradeCatalogue.kind(b.kind()),
                MustTradeCatalogue.category(b.category()), b.itemCode(), b.projectCode(), b.projectName(), b.regionCode(),
                amount(b.value(), "value", true), date(b.resultExpectedOn(), "resultExpectedOn", false), b.exemptionId()),
                b.result() == null ? null : result(b.result()), user);
        return ResponseEntity.created(URI.create("/api/v1/supervision/off-platform-deals/" + created.id())).body(created);
    }

    @GetMapping("/off-platform-deals")
    List<OffPlatformDealView> offPlatformDeals(CurrentUser user) {
        return deals.visibleTo(user);
    }

    @GetMapping("/off-platform-deals/{id}")
    OffPlatformDealView offPlatformDeal(@PathVariable UUID id, CurrentUser user) {
        return deals.get(id, user);
    }

    @PostMapping("/off-platform-deals/{id}/report")
    OffPlatformDealView report(@PathVariable UUID id, @RequestBody ResultBody body, CurrentUser user) {
        return deals.report(id, result(body), user);
    }

    // --- public lists and flags ------------------------------------------------------------------------------------

    @GetMapping("/public/exemptions")
    List<ExemptionView> publishedExemptions() {
        return exemptions.published();
    }

    @GetMapping("/public/off-platform-reports")
    List<OffPlatformDealView> publishedReports() {
        return deals.published();
    }

    @GetMapping("/flags")
    List<SupervisionFlag> flags(CurrentUser user) {
        return deals.flags(user);
    }

    private static OffPlatformDeals.Result result(ResultBody r) {
        return new OffPlatformDeals.Result(date(r.resultOn(), "resultOn", true), amount(r.resultValue(), "resultValue", true),
                r.counterparty(), r.summary());
    }

    private static BigDecimal amount(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, field);
            }
            return null;
        }
        return Money.parse(text.strip()).yuan();
    }

    private static LocalDate date(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, field);
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, field);
        }
    }
}
