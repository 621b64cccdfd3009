package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.supervision.domain.MustTrade;

/**
 * The must-trade catalogue (应进必进目录) as maintained data: read by everyone (it is public), maintained by the
 * administrator (any region) and trading-centre staff (their region's subtree). Decisions go through
 * {@link MustTrade}; this class only loads the entries and the region's chain up the tree.
 */
@Service
public class MustTradeCatalogue {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String COLUMNS = "id, region_code, kind, category, threshold, basis, effective_from, effective_to";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;
    private final AuditLog log;

    MustTradeCatalogue(JdbcClient jdbc, Regions regions, Clock clock, AuditLog log) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Whether one deal must trade on the platform, and why.
     *
     * @param required  whether it must
     * @param threshold the threshold it was measured against (null: every deal of the kind, or no entry)
     * @param basis     the deciding entry's legal basis (null when the catalogue says nothing of the kind and category)
     * @param definedBy the region whose entry decided (null: the national entries)
     */
    public record Answer(DealKind kind, Category category, BigDecimal value, String regionCode, LocalDate date,
            boolean required, BigDecimal threshold, String basis, String definedBy) {
    }

    /** Today in Beijing: the date catalogue questions are asked for unless another is given. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    /** Whether a deal of {@code kind}, {@code category} and {@code value} in {@code regionCode} must trade here on {@code date}. */
    public Answer decide(DealKind kind, Category category, BigDecimal value, String regionCode, LocalDate date) {
        LocalDate on = date == null ? today() : date;
        MustTrade.Decision d = catalogue().decide(kind, category, value, chain(regionCode), on);
        return new Answer(kind, category, value, regionCode, on, d.required(), d.threshold(), d.basis(), d.definedBy());
    }

    /** The entries that make {@code regionCode}'s catalogue on {@code date} (its own and those it inherits). */
    public List<CatalogueEntry> effective(String regionCode, LocalDate date) {
        return catalogue().effective(chain(regionCode), date == null ? today() : date);
    }

    /** The entries {@code regionCode} sets itself (null: the national ones), every date, newest first. */
    public List<CatalogueEntry> own(String regionCode) {
        if (regionCode != null) {
            regions.get(regionCode);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM must_trade_entry WHERE region_code IS NOT DISTINCT FROM :region"
                        + " ORDER BY kind, category, effective_from DESC")
                .param("region", regionCode).query(MustTradeCatalogue::map).list();
    }

    /** What a new entry says. */
    public record NewEntry(DealKind kind, Category category, BigDecimal threshold, String basis, LocalDate effectiveFrom,
            LocalDate effectiveTo) {
    }

    /**
     * Adds an entry to {@code regionCode}'s catalogue: the administrator anywhere, trading-centre staff in their region's
     * subtree (out of it: the region is not found for them).
     */
    @Transactional
    public CatalogueEntry add(String regionCode, NewEntry entry, CurrentUser user) {
        checkMaintainer(regionCode, user);
        if (entry.basis() == null || entry.basis().isBlank()) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "basis");
        }
        if (entry.effectiveFrom() == null) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "effectiveFrom");
        }
        if (entry.effectiveTo() != null && entry.effectiveTo().isBefore(entry.effectiveFrom())) {
            throw new DomainException(SupervisionError.CATALOGUE_DATES_INVALID, entry.effectiveTo(), entry.effectiveFrom());
        }
        if (entry.threshold() != null && entry.threshold().signum() < 0) {
            throw new DomainException(CommonError.INVALID_AMOUNT, 16);
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO must_trade_entry (id, region_code, kind, category, threshold, basis, effective_from, effective_to,
                                              created_at, created_by, updated_at, updated_by)
                VALUES (:id, :region, :kind, :category, :threshold, :basis, :from, :to, :now, :actor, :now, :actor)""")
                .param("id", id).param("region", regionCode).param("kind", entry.kind().name())
                .param("category", entry.category().name()).param("threshold", entry.threshold())
                .param("basis", entry.basis().strip()).param("from", entry.effectiveFrom()).param("to", entry.effectiveTo())
                .param("now", now).param("actor", user.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("region", regionCode);
        payload.put("kind", entry.kind().name());
        payload.put("category", entry.category().name());
        payload.put("threshold", entry.threshold() == null ? null : entry.threshold().toPlainString());
        payload.put("basis", entry.basis().strip());
        payload.put("effectiveFrom", entry.effectiveFrom().toString());
        payload.put("effectiveTo", entry.effectiveTo() == null ? null : entry.effectiveTo().toString());
        log.record(AuditRecord.of("supervision.catalogue.entry-added", id.toString(), regionCode, user.actor(), payload));
        return new CatalogueEntry(id, regionCode, entry.kind(), entry.category(), entry.threshold(), entry.basis().strip(),
                entry.effectiveFrom(), entry.effectiveTo());
    }

    /** Ends a region's entry on {@code lastDay} (its last day in force); national entries change only by migration. */
    @Transactional
    public CatalogueEntry end(UUID id, LocalDate lastDay, CurrentUser user) {
        CatalogueEntry entry = jdbc.sql("SELECT " + COLUMNS + " FROM must_trade_entry WHERE id = :id FOR UPDATE")
                .param("id", id).query(MustTradeCatalogue::map).optional()
                .filter(e -> e.regionCode() != null && maintains(e.regionCode(), user))
                .orElseThrow(() -> new DomainException(SupervisionError.CATALOGUE_ENTRY_NOT_FOUND, id));
        if (lastDay == null) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "effectiveTo");
        }
        if (lastDay.isBefore(entry.effectiveFrom())) {
            throw new DomainException(SupervisionError.CATALOGUE_DATES_INVALID, lastDay, entry.effectiveFrom());
        }
        jdbc.sql("UPDATE must_trade_entry SET effective_to = :to, updated_at = :now, updated_by = :actor WHERE id = :id")
                .param("to", lastDay).param("now", OffsetDateTime.now(clock)).param("actor", user.username())
                .param("id", id).update();
        log.record(AuditRecord.of("supervision.catalogue.entry-ended", id.toString(), entry.regionCode(), user.actor(),
                Map.of("effectiveTo", lastDay.toString())));
        return new CatalogueEntry(id, entry.regionCode(), entry.kind(), entry.category(), entry.threshold(), entry.basis(),
                entry.effectiveFrom(), lastDay);
    }

    /** The kind named {@code text}, or a clear UNKNOWN_DEAL_KIND refusal listing the kinds. */
    public static DealKind kind(String text) {
        DealKind kind = text == null ? null : DealKind.ofPrefix(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (kind == null) {
            throw new DomainException(SupervisionError.UNKNOWN_DEAL_KIND, String.valueOf(text));
        }
        return kind;
    }

    /** The category named {@code text}, or UNKNOWN_CATEGORY. */
    public static Category category(String text) {
        for (Category c : Category.values()) {
            if (text != null && c.name().equalsIgnoreCase(text.strip())) {
                return c;
            }
        }
        throw new DomainException(SupervisionError.UNKNOWN_CATEGORY, String.valueOf(text));
    }

    /** The codes from {@code regionCode} up to its root, nearest first (REGION_NOT_FOUND for an unknown code). */
    List<String> chain(String regionCode) {
        String path = regions.get(regionCode).path();
        List<String> codes = new ArrayList<>(Arrays.asList(path.split("/")));
        codes.removeIf(String::isEmpty);
        Collections.reverse(codes);
        return codes;
    }

    MustTrade catalogue() {
        return new MustTrade(jdbc.sql("SELECT " + COLUMNS + " FROM must_trade_entry").query(MustTradeCatalogue::map).list());
    }

    private void checkMaintainer(String regionCode, CurrentUser user) {
        regions.get(regionCode);
        if (user.role() != Role.ADMINISTRATOR && user.role() != Role.CENTRE_STAFF) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (!maintains(regionCode, user)) {
            throw new DomainException(org.sunbid.platform.catalog.CatalogError.REGION_NOT_FOUND, regionCode);
        }
    }

    private boolean maintains(String regionCode, CurrentUser user) {
        return user.seesAllRegions()
                || (user.role() == Role.CENTRE_STAFF && regions.isWithin(regionCode, user.regionCode()));
    }

    private static CatalogueEntry map(ResultSet rs, int row) throws SQLException {
        return new CatalogueEntry(rs.getObject("id", UUID.class), rs.getString("region_code"),
                DealKind.valueOf(rs.getString("kind")), Category.valueOf(rs.getString("category")), rs.getBigDecimal("threshold"),
                rs.getString("basis"), rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class));
    }
}
