package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.supervision.domain.SplitPurchases;

/**
 * Deals made off the platform (场外交易). The owner declares such a deal when it starts (with the date it expects the
 * result), and reports the result within {@value OffPlatformDealView#REPORT_DAYS} days of it; the report is published
 * at once and never changed (REPORT_ALREADY_PUBLISHED). A deal reported without an earlier declaration is declared and
 * reported in one step. The region's supervisor is flagged when a report is overdue, when a deal the catalogue requires
 * was made off the platform without an approved exemption, and when purchases look split (政府采购法实施条例 Art. 28).
 */
@Service
public class OffPlatformDeals {

    private static final String COLUMNS = """
            id, region_code, owner_id, owner_name, kind, category, item_code, project_code, project_name, value,
            result_expected_on, exemption_id, must_trade, must_trade_basis, status, result_on, result_value, counterparty,
            result_summary, reported_at, reported_late, created_at""";

    private final JdbcClient jdbc;
    private final MustTradeCatalogue catalogue;
    private final Exemptions exemptions;
    private final Scope scope;
    private final Clock clock;
    private final AuditLog log;
    private final ObjectProvider<PurchaseSource> sources;

    OffPlatformDeals(JdbcClient jdbc, MustTradeCatalogue catalogue, Exemptions exemptions, Scope scope, Clock clock,
            AuditLog log, ObjectProvider<PurchaseSource> sources) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.exemptions = exemptions;
        this.scope = scope;
        this.clock = clock;
        this.log = log;
        this.sources = sources;
    }

    /** What an owner declares when the deal starts. */
    public record Declaration(DealKind kind, Category category, String itemCode, String projectCode, String projectName,
            String regionCode, BigDecimal value, LocalDate resultExpectedOn, UUID exemptionId) {
    }

    /** The result the owner reports. */
    public record Result(LocalDate resultOn, BigDecimal resultValue, String counterparty, String summary) {
    }

    /** An owner declares a deal made off the platform; with {@code result}, it is reported (and published) at once. */
    @Transactional
    public OffPlatformDealView declare(Declaration d, Result result, CurrentUser user) {
        Organisation owner = scope.owner(user);
        Projects.check(d.kind(), d.category(), d.projectCode(), d.projectName(), d.regionCode(), d.value(), d.itemCode());
        scope.region(d.regionCode());
        if (result != null) {
            checkResult(result);
        }
        if (d.exemptionId() != null) {
            ExemptionView e = exemptions.find(d.exemptionId()).orElse(null);
            if (e == null || !e.ownerId().equals(owner.id()) || e.status() != ExemptionView.Status.APPROVED) {
                throw new DomainException(SupervisionError.EXEMPTION_NOT_APPROVED);
            }
        }
        MustTradeCatalogue.Answer answer = catalogue.decide(d.kind(), d.category(), d.value(), d.regionCode(), null);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO off_platform_deal (id, region_code, owner_id, owner_name, kind, category, item_code, project_code,
                    project_name, value, result_expected_on, exemption_id, must_trade, must_trade_basis, status,
                    created_at, created_by, updated_at, updated_by)
                VALUES (:id, :region, :owner, :ownerName, :kind, :category, :item, :code, :name, :value, :expected, :exemption,
                    :must, :basis, 'DECLARED', :now, :actor, :now, :actor)""")
                .param("id", id).param("region", d.regionCode()).param("owner", owner.id()).param("ownerName", owner.name())
                .param("kind", d.kind().name()).param("category", d.category().name()).param("item", Projects.item(d.itemCode()))
                .param("code", d.projectCode().strip()).param("name", d.projectName().strip()).param("value", d.value())
                .param("expected", d.resultExpectedOn()).param("exemption", d.exemptionId())
                .param("must", answer.required()).param("basis", answer.basis())
                .param("now", now).param("actor", user.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("owner", owner.name());
        payload.put("kind", d.kind().name());
        payload.put("category", d.category().name());
        payload.put("itemCode", Projects.item(d.itemCode()));
        payload.put("projectCode", d.projectCode().strip());
        payload.put("projectName", d.projectName().strip());
        payload.put("value", d.value().toPlainString());
        payload.put("resultExpectedOn", d.resultExpectedOn() == null ? null : d.resultExpectedOn().toString());
        payload.put("exemption", d.exemptionId() == null ? null : d.exemptionId().toString());
        payload.put("mustTrade", answer.required());
        log.record(AuditRecord.of("supervision.off-platform.declared", id.toString(), d.regionCode(), user.actor(), payload));
        if (result != null) {
            return report(id, result, user);
        }
        return find(id).orElseThrow();
    }

    /**
     * The owner reports the result; the report is published at once. Refused once published (REPORT_ALREADY_PUBLISHED)
     * and for a result date in the future. A report more than 20 days after the result is accepted and marked late.
     */
    @Transactional
    public OffPlatformDealView report(UUID id, Result result, CurrentUser user) {
        Organisation owner = scope.owner(user);
        OffPlatformDealView deal = jdbc.sql("SELECT " + COLUMNS + " FROM off_platform_deal WHERE id = :id FOR UPDATE")
                .param("id", id).query(OffPlatformDeals::map).optional()
                .filter(x -> x.ownerId().equals(owner.id()))
                .orElseThrow(() -> new DomainException(SupervisionError.OFF_PLATFORM_DEAL_NOT_FOUND, id));
        if (deal.status() == OffPlatformDealView.Status.REPORTED) {
            throw new DomainException(SupervisionError.REPORT_ALREADY_PUBLISHED,
                    deal.reportedAt().atZone(MustTradeCatalogue.BEIJING).toLocalDate());
        }
        checkResult(result);
        boolean late = catalogue.today().isAfter(result.resultOn().plusDays(OffPlatformDealView.REPORT_DAYS));
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                UPDATE off_platform_deal SET status = 'REPORTED', result_on = :on, result_value = :value, counterparty = :who,
                    result_summary = :summary, reported_at = :now, reported_late = :late, updated_at = :now, updated_by = :actor
                WHERE id = :id""")
                .param("on", result.resultOn()).param("value", result.resultValue()).param("who", result.counterparty().strip())
                .param("summary", result.summary() == null || result.summary().isBlank() ? null : result.summary().strip())
                .param("now", now).param("late", late).param("actor", user.username()).param("id", id).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("projectCode", deal.projectCode());
        payload.put("resultOn", result.resultOn().toString());
        payload.put("resultValue", result.resultValue().toPlainString());
        payload.put("counterparty", result.counterparty().strip());
        payload.put("late", late);
        log.record(AuditRecord.of("supervision.off-platform.reported", id.toString(), deal.regionCode(), user.actor(), payload));
        return find(id).orElseThrow();
    }

    private void checkResult(Result r) {
        if (r.resultOn() == null) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "resultOn");
        }
        if (r.resultValue() == null) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "resultValue");
        }
        if (r.counterparty() == null || r.counterparty().isBlank() || r.counterparty().strip().length() > 200) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "counterparty");
        }
        if (r.resultOn().isAfter(catalogue.today())) {
            throw new DomainException(SupervisionError.RESULT_DATE_IN_FUTURE, r.resultOn());
        }
    }

    /** The deal if {@code user} may see it; OFF_PLATFORM_DEAL_NOT_FOUND otherwise. */
    public OffPlatformDealView get(UUID id, CurrentUser user) {
        return find(id).filter(d -> scope.sees(user, d.ownerId(), d.regionCode()))
                .orElseThrow(() -> new DomainException(SupervisionError.OFF_PLATFORM_DEAL_NOT_FOUND, id));
    }

    /** What {@code user} may see, newest first. */
    public List<OffPlatformDealView> visibleTo(CurrentUser user) {
        List<String> watched = scope.watched(user);
        if (watched != null && watched.isEmpty()) {
            return user.organisationId() == null ? List.of()
                    : jdbc.sql("SELECT " + COLUMNS + " FROM off_platform_deal WHERE owner_id = :owner ORDER BY created_at DESC, id")
                            .param("owner", user.organisationId()).query(OffPlatformDeals::map).list();
        }
        return inRegions(watched);
    }

    /** The published reports (newest first), as the portal shows them. */
    public List<OffPlatformDealView> published() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM off_platform_deal WHERE status = 'REPORTED' ORDER BY reported_at DESC, id")
                .query(OffPlatformDeals::map).list();
    }

    /** An owner's declared deals whose report is awaited (its to-do), with the same due date the flags use. */
    public List<OffPlatformDealView> awaitingReport(CurrentUser user) {
        if (user.organisationId() == null || user.seesRegionSubtree() || user.seesAllRegions()) {
            return List.of();
        }
        return visibleTo(user).stream().filter(d -> d.status() == OffPlatformDealView.Status.DECLARED).toList();
    }

    /** The flags for {@code user}'s regions (supervisors, centre staff, the administrator), with other purchases none. */
    public List<SupervisionFlag> flags(CurrentUser user) {
        return flags(user, List.of());
    }

    /**
     * The flags for {@code user}'s regions: overdue reports, deals the catalogue requires made off the platform without
     * an approved exemption, and suspected split purchases among supervision's records, {@code platformPurchases} and
     * every {@link PurchaseSource}. Owners get none.
     */
    public List<SupervisionFlag> flags(CurrentUser user, List<PurchaseFact> platformPurchases) {
        List<String> watched = scope.watched(user);
        if (watched != null && watched.isEmpty()) {
            return List.of();
        }
        return flagsIn(watched, platformPurchases);
    }

    /** The flags of every region, as the warning sweep brings them into the supervisors' queue (no user: the platform). */
    public List<SupervisionFlag> allFlags() {
        return flagsIn(null, List.of());
    }

    private List<SupervisionFlag> flagsIn(List<String> watched, List<PurchaseFact> platformPurchases) {
        LocalDate today = catalogue.today();
        List<SupervisionFlag> flags = new ArrayList<>();
        List<OffPlatformDealView> deals = inRegions(watched);
        for (OffPlatformDealView d : deals) {
            String title = d.projectCode() + " " + d.projectName();
            String link = "/workbench/supervision/off-platform/" + d.id();
            if (overdue(d, today)) {
                flags.add(new SupervisionFlag("offplatform-overdue", title, link, endOf(d.reportDue()),
                        d.ownerName(), d.regionCode()));
            }
            if (d.unexempted()) {
                flags.add(new SupervisionFlag("offplatform-unexempted", title, link, null,
                        d.ownerName() + "：" + (d.mustTradeBasis() == null ? "" : d.mustTradeBasis()), d.regionCode()));
            }
        }
        List<PurchaseFact> facts = new ArrayList<>(purchaseFacts(deals, watched));
        platformPurchases.stream().filter(f -> watched == null || watched.contains(f.regionCode())).forEach(facts::add);
        sources.orderedStream().forEach(s -> facts.addAll(s.purchases(watched)));
        for (SuspectedSplit s : SplitPurchases.find(facts)) {
            String refs = String.join("；", s.purchases().stream().map(PurchaseFact::reference).toList());
            flags.add(new SupervisionFlag("split-purchase", s.purchaserName() + " " + s.itemCode() + "（" + s.fiscalYear() + "）",
                    "/workbench/supervision/flags#split-" + s.purchaserId() + "-" + s.itemCode() + "-" + s.fiscalYear(), null,
                    String.format(java.util.Locale.ROOT, "%,.2f > %,.2f：", s.total(), s.threshold()) + refs,
                    s.purchases().get(0).regionCode()));
        }
        return flags;
    }

    /** The suspected splits among supervision's records in {@code user}'s regions, for the flags page. */
    public List<SuspectedSplit> splits(CurrentUser user, List<PurchaseFact> platformPurchases) {
        List<String> watched = scope.watched(user);
        if (watched != null && watched.isEmpty()) {
            return List.of();
        }
        List<PurchaseFact> facts = new ArrayList<>(purchaseFacts(inRegions(watched), watched));
        facts.addAll(platformPurchases);
        sources.orderedStream().forEach(s -> facts.addAll(s.purchases(watched)));
        return SplitPurchases.find(facts);
    }

    /** Whether the report of {@code d} is overdue on {@code today}: declared, and 20 days past the expected result. */
    static boolean overdue(OffPlatformDealView d, LocalDate today) {
        return d.status() == OffPlatformDealView.Status.DECLARED && d.reportDue() != null && today.isAfter(d.reportDue());
    }

    /** Supervision's own government purchases as facts: off-platform ZFCG deals and approved ZFCG exemptions with a 品目. */
    private List<PurchaseFact> purchaseFacts(List<OffPlatformDealView> deals, List<String> watched) {
        List<PurchaseFact> facts = new ArrayList<>();
        for (OffPlatformDealView d : deals) {
            if (d.kind() != DealKind.ZFCG || d.itemCode() == null) {
                continue;
            }
            LocalDate date = d.resultOn() != null ? d.resultOn()
                    : d.resultExpectedOn() != null ? d.resultExpectedOn() : d.declaredAt().atZone(MustTradeCatalogue.BEIJING).toLocalDate();
            BigDecimal value = d.resultValue() != null ? d.resultValue() : d.value();
            fact(d.ownerId(), d.ownerName(), d.itemCode(), date, value, d.category(), d.regionCode(),
                    d.projectCode() + " " + d.projectName()).ifPresent(facts::add);
        }
        for (ExemptionView e : exemptions.published()) {
            if (e.kind() != DealKind.ZFCG || e.itemCode() == null || (watched != null && !watched.contains(e.regionCode()))) {
                continue;
            }
            fact(e.ownerId(), e.ownerName(), e.itemCode(), e.decidedAt().atZone(MustTradeCatalogue.BEIJING).toLocalDate(),
                    e.value(), e.category(), e.regionCode(), e.projectCode() + " " + e.projectName()).ifPresent(facts::add);
        }
        return facts;
    }

    private Optional<PurchaseFact> fact(UUID owner, String ownerName, String item, LocalDate date, BigDecimal value,
            Category category, String region, String reference) {
        MustTradeCatalogue.Answer answer = catalogue.decide(DealKind.ZFCG, category, value, region, date);
        if (answer.threshold() == null) {
            return Optional.empty();
        }
        return Optional.of(new PurchaseFact(owner, ownerName, item, date, value, answer.threshold(), reference, region));
    }

    private List<OffPlatformDealView> inRegions(List<String> regions) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM off_platform_deal"
                        + " WHERE (CAST(:all AS BOOLEAN) OR region_code = ANY(:scope)) ORDER BY created_at DESC, id")
                .param("all", regions == null).param("scope", regions == null ? new String[0] : regions.toArray(String[]::new))
                .query(OffPlatformDeals::map).list();
    }

    /** The deal without a scope check: for naming a log entry's subject (its payload already publishes the project). */
    public Optional<OffPlatformDealView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM off_platform_deal WHERE id = :id").param("id", id)
                .query(OffPlatformDeals::map).optional();
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(MustTradeCatalogue.BEIJING).toInstant();
    }

    private static OffPlatformDealView map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime reported = rs.getObject("reported_at", OffsetDateTime.class);
        Object late = rs.getObject("reported_late");
        return new OffPlatformDealView(rs.getObject("id", UUID.class), rs.getString("region_code"),
                rs.getObject("owner_id", UUID.class), rs.getString("owner_name"), DealKind.valueOf(rs.getString("kind")),
                Category.valueOf(rs.getString("category")), rs.getString("item_code"), rs.getString("project_code"),
                rs.getString("project_name"), rs.getBigDecimal("value"), rs.getObject("result_expected_on", LocalDate.class),
                rs.getObject("exemption_id", UUID.class), rs.getBoolean("must_trade"), rs.getString("must_trade_basis"),
                OffPlatformDealView.Status.valueOf(rs.getString("status")), rs.getObject("result_on", LocalDate.class),
                rs.getBigDecimal("result_value"), rs.getString("counterparty"), rs.getString("result_summary"),
                reported == null ? null : reported.toInstant(), late == null ? null : (Boolean) late,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
