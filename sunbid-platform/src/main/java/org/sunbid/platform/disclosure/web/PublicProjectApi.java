package org.sunbid.platform.disclosure.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.deals.domain.RuleVersion;
import org.sunbid.platform.disclosure.ProjectPortal;
import org.sunbid.platform.kernel.Amounts;

/**
 * The portal's trading projects as open data (no login): every kind of deal together, with the portal's filters,
 * paged; one project with its published lots and its procedure's rules in force. Bad filters are problem+json
 * ({@code DEALS_UNKNOWN_KIND}, {@code DEALS_UNKNOWN_PROCEDURE}, {@code DISCLOSURE_UNKNOWN_STATUS},
 * {@code DISCLOSURE_UNKNOWN_REGION}, {@code DISCLOSURE_BAD_DATE_RANGE}). Drafts never appear.
 */
@RestController
@RequestMapping("/api/v1/public/projects")
class PublicProjectApi {

    private final ProjectPortal portal;

    PublicProjectApi(ProjectPortal portal) {
        this.portal = portal;
    }

    /** A page of public projects, most recently published first. */
    @GetMapping
    ProjectPage list(@RequestParam(required = false) String kind, @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String region, @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        ProjectPortal.Page found = portal.list(ProjectPages.filter(kind, procedure, region, status, from, to), page, size);
        return new ProjectPage(found.total(), found.page(), found.size(), found.pages(),
                found.rows().stream().map(ProjectRow::of).toList());
    }

    /** One public project with its published lots and the rules of its procedure in force today. */
    @GetMapping("/{id}")
    ProjectDetail one(@PathVariable UUID id) {
        ProjectPortal.PublicProject p = portal.get(id);
        return new ProjectDetail(ProjectRow.of(p), p.project().category().name(), p.project().itemCode(),
                p.project().priceCap() == null ? null : p.project().priceCap().toString(),
                portal.rulesInForce(p.project().procedureCode()).stream().map(RuleRow::of).toList(),
                portal.intention(p.project().id()).map(i -> IntentionRow.of(i, p)).orElse(null));
    }

    record ProjectPage(int total, int page, int size, int pages, List<ProjectRow> items) {
    }

    /** A project in the list: budget in yuan (strict decimal) and in 万元 as the portal shows it. */
    record ProjectRow(UUID id, String dealCode, String name, String kind, String procedureCode, String procedureName,
            String regionCode, String regionName, String ownerName, String agencyName, String budget, String budgetWan,
            int lotCount, List<String> statuses, Instant publishedAt, List<LotRow> lots) {

        static ProjectRow of(ProjectPortal.PublicProject p) {
            return new ProjectRow(p.project().id(), p.project().dealCode(), p.project().name(), p.project().kind().name(),
                    p.procedure().code(), p.procedure().nameZh(), p.project().regionCode(), p.regionName(), p.ownerName(),
                    p.agencyName(), p.project().budget().toString(), Amounts.wan(p.project().budget()), p.lotCount(),
                    p.stages().stream().map(Enum::name).toList(), p.publishedAt(),
                    p.lots().stream().map(LotRow::of).toList());
        }
    }

    /** A published lot: its code, name, budget, status, deadline and its notice page. */
    record LotRow(UUID id, String lotCode, String name, String budget, String status, Instant bidDeadline, String page) {

        static LotRow of(ProjectPortal.PublicLot l) {
            return new LotRow(l.lot().id(), l.lot().lotCode(), l.lot().name(), l.lot().budget().toString(), l.stage().name(),
                    l.tender().bidDeadline(), "/tenders/" + l.lot().id());
        }
    }

    record ProjectDetail(ProjectRow project, String category, String itemCode, String priceCap, List<RuleRow> rules,
            IntentionRow intention) {
    }

    /**
     * The procurement intention (采购意向, 财库〔2020〕10号): project name, budget, requirement summary, expected month and
     * when it was published; or the exemption's ground and reason (published null).
     */
    record IntentionRow(String name, String budget, String summary, String expected, Instant publishedAt,
            String exemptionGround, String exemptionReason) {

        static IntentionRow of(org.sunbid.platform.deals.ProcurementIntention i, ProjectPortal.PublicProject p) {
            return new IntentionRow(p.project().name(), p.project().budget().toString(), i.summary(),
                    i.expected() == null ? null : i.expected().toString(), i.publishedAt(),
                    i.ground() == null ? null : i.ground().name(), i.reason());
        }
    }

    /** A rule in force: key, amount, unit, article and since when. */
    record RuleRow(String key, String amount, String unit, String article, LocalDate effectiveFrom, LocalDate effectiveTo) {

        static RuleRow of(RuleVersion v) {
            return new RuleRow(v.key(), v.limit().plain(), v.limit().unit().name(), v.limit().article(), v.effectiveFrom(),
                    v.effectiveTo());
        }
    }
}
