package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.ProcurementItems;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * The mall's maintained data: product categories with their specification attributes, each tied to a 品目 of the
 * 政府采购品目分类目录 (the platform keeps no 品目 table yet, so the code is checked for its form only), and the dated
 * ordering rules per region ({@link MallRule}). The centre's staff and the administrator maintain them; anyone reads.
 */
@Service
public class MallCatalogue {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String COLUMNS = "id, code, name, item_code, unit, attributes, policy, active";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Regions regions;
    private final ProcurementItems items;

    MallCatalogue(JdbcClient jdbc, Clock clock, AuditLog log, Regions regions, ProcurementItems items) {
        this.items = items;
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.regions = regions;
    }

    /** A new category. */
    public record CategoryInput(String code, String name, String itemCode, String unit, List<String> attributes,
                                ProductPolicy policy) {
    }

    /** The centre's staff add a category. */
    @Transactional
    public CategoryView addCategory(CategoryInput in, CurrentUser user) {
        requireStaff(user);
        if (in == null || blank(in.code()) || blank(in.name()) || blank(in.unit())) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "code, name, unit");
        }
        ProcurementItems.Lookup item = items.lookup(in.itemCode());
        if (item.standing() == ProcurementItems.Standing.MALFORMED) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "itemCode（品目编码，如 A02010104）");
        }
        if (!item.accepted()) {
            throw new DomainException(MallError.MALL_ITEM_CODE_UNKNOWN, item.code(),
                    item.nearest() == null ? "—" : item.nearest().code() + " " + item.nearest().name());
        }
        List<String> attributes = in.attributes() == null ? List.of()
                : in.attributes().stream().filter(a -> a != null && !a.isBlank()).map(String::strip).distinct().toList();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try {
            jdbc.sql("""
                    INSERT INTO mall_category (id, code, name, item_code, unit, attributes, policy, created_by, created_at,
                        changed_by, changed_at)
                    VALUES (:id, :code, :name, :item, :unit, :attributes, :policy, :by, :now, :by, :now)""")
                    .param("id", id).param("code", in.code().strip()).param("name", in.name().strip())
                    .param("item", in.itemCode().strip()).param("unit", in.unit().strip())
                    .param("attributes", attributes.toArray(new String[0]))
                    .param("policy", (in.policy() == null ? ProductPolicy.NONE : in.policy()).name())
                    .param("by", user.username()).param("now", now).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(MallError.MALL_CATEGORY_EXISTS, in.code().strip());
        }
        log.record(AuditRecord.of("mall.category.added", id.toString(), "", user.actor(),
                Map.of("code", in.code().strip(), "itemCode", in.itemCode().strip())));
        return category(id).orElseThrow();
    }

    public List<CategoryView> categories() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mall_category ORDER BY item_code, code").query(MallCatalogue::map).list();
    }

    public Optional<CategoryView> category(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mall_category WHERE id = :id").param("id", id)
                .query(MallCatalogue::map).optional();
    }

    /** A new rule row. */
    public record RuleInput(String regionCode, LocalDate effectiveFrom, BigDecimal directLimit, BigDecimal orderCap,
                            String basis) {
    }

    /** The administrator or the region's centre staff add a dated rule (never change one: a new row from a new date). */
    @Transactional
    public MallRule addRule(RuleInput in, CurrentUser user) {
        requireStaff(user);
        MallRule rule;
        try {
            rule = new MallRule(in.regionCode() == null ? "" : in.regionCode().strip(), in.effectiveFrom(), in.directLimit(),
                    in.orderCap(), in.basis());
        } catch (RuntimeException e) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "regionCode, effectiveFrom, 0 < directLimit ≤ orderCap");
        }
        if (blank(in.basis())) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "basis（依据文件）");
        }
        if (user.role() == Role.CENTRE_STAFF && (rule.regionCode().isEmpty() || !regions.isWithin(rule.regionCode(), user.regionCode()))) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "本区域交易中心工作人员");
        }
        try {
            jdbc.sql("""
                    INSERT INTO mall_rule (id, region_code, effective_from, direct_limit, order_cap, basis, created_by, created_at)
                    VALUES (:id, :region, :from, :direct, :cap, :basis, :by, :now)""")
                    .param("id", UUID.randomUUID()).param("region", rule.regionCode()).param("from", rule.effectiveFrom())
                    .param("direct", rule.directLimit()).param("cap", rule.orderCap()).param("basis", rule.basis())
                    .param("by", user.username()).param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "effectiveFrom（该区域该日已有规则）");
        }
        log.record(AuditRecord.of("mall.rule.added", rule.regionCode(), rule.regionCode(), user.actor(),
                Map.of("effectiveFrom", rule.effectiveFrom().toString(), "directLimit", rule.directLimit().toPlainString(),
                        "orderCap", rule.orderCap().toPlainString(), "basis", rule.basis())));
        return rule;
    }

    /**
     * The rule in force in {@code regionCode} on {@code date}: of the rules for the region and the regions above it
     * (and the "" rule for all), the nearest region's latest rule from on or before the date.
     */
    public Optional<MallRule> ruleAt(String regionCode, LocalDate date) {
        List<MallRule> rules = jdbc.sql("SELECT region_code, effective_from, direct_limit, order_cap, basis FROM mall_rule"
                        + " WHERE effective_from <= :d ORDER BY effective_from DESC").param("d", date)
                .query((rs, n) -> new MallRule(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5))).list();
        return nearest(rules, MallRule::regionCode, MallRule::effectiveFrom, regionCode);
    }

    /** The rule for reverse auctions and group purchases in force in {@code regionCode} on {@code date}, as {@link #ruleAt}. */
    public Optional<BiddingRule> biddingRuleAt(String regionCode, LocalDate date) {
        List<BiddingRule> rules = jdbc.sql("SELECT region_code, effective_from, min_bidders, min_decrement_rate, min_window_working_days,"
                        + " min_group_buyers, basis FROM mall_bidding_rule WHERE effective_from <= :d").param("d", date)
                .query((rs, n) -> new BiddingRule(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getInt(5), rs.getInt(6), rs.getString(7))).list();
        return nearest(rules, BiddingRule::regionCode, BiddingRule::effectiveFrom, regionCode);
    }

    /**
     * Of dated rules, the nearest region's latest from on or before the day asked about: the rules for the region, the
     * regions above it and the "" rule for all are applicable; their regions all lie above the asker's, so the nearest
     * is within every other.
     */
    private <R> Optional<R> nearest(List<R> rules, java.util.function.Function<R, String> region,
            java.util.function.Function<R, LocalDate> from, String regionCode) {
        List<R> applicable = rules.stream().filter(r -> region.apply(r).isEmpty()
                || (regionCode != null && regions.isWithin(regionCode, region.apply(r)))).toList();
        Comparator<R> nearer = (a, b) -> region.apply(a).equals(region.apply(b)) ? 0
                : region.apply(a).isEmpty() ? 1 : region.apply(b).isEmpty() ? -1
                : regions.isWithin(region.apply(a), region.apply(b)) ? -1 : 1;
        return applicable.stream().min(nearer.thenComparing(from, Comparator.reverseOrder()));
    }

    /** All rules, newest first. */
    public List<MallRule> rules() {
        return jdbc.sql("SELECT region_code, effective_from, direct_limit, order_cap, basis FROM mall_rule"
                        + " ORDER BY region_code, effective_from DESC")
                .query((rs, n) -> new MallRule(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5))).list();
    }

    /** Today in Beijing, the mall's calendar day. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    static void requireStaff(CurrentUser user) {
        if (user == null || (user.role() != Role.ADMINISTRATOR && user.role() != Role.CENTRE_STAFF)) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "交易中心工作人员或系统管理员");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static CategoryView map(ResultSet rs, int n) throws SQLException {
        Array attributes = rs.getArray("attributes");
        return new CategoryView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("item_code"), rs.getString("unit"), Arrays.asList((String[]) attributes.getArray()),
                ProductPolicy.valueOf(rs.getString("policy")), rs.getBoolean("active"));
    }
}
