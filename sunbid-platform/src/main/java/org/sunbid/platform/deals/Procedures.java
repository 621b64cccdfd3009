package org.sunbid.platform.deals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RegionalRuleBook;
import org.sunbid.platform.deals.domain.RuleBook;
import org.sunbid.platform.deals.domain.RuleVersion;
import org.sunbid.platform.kernel.DomainException;

/**
 * The procedure catalogue (maintained data, {@code deal_procedure}) and each procedure's dated rules
 * ({@code procedure_rule}), read fresh on each call so a maintained change applies at once; rules are resolved at the
 * Beijing date of the event they judge. A region may override a procedure's rule for the lots in its subtree
 * ({@code procedure_region_rule}, dated the same way): {@link #rulesAt(String, String, Instant)} lays the nearest
 * region's local rules over the procedure chain's.
 */
@Service
public class Procedures {

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final Regions regions;

    Procedures(JdbcClient jdbc, Calendars calendars, Regions regions) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.regions = regions;
    }

    /** Every procedure, in the catalogue's order. */
    public List<ProcedureView> all() {
        return jdbc.sql("SELECT * FROM deal_procedure WHERE method <> 'COMMON' ORDER BY position").query(Procedures::view).list();
    }

    /** The procedure {@code code}, if the catalogue has it (one row read, not the catalogue: issue 21). */
    public Optional<ProcedureView> find(String code) {
        return code == null ? Optional.empty()
                : jdbc.sql("SELECT * FROM deal_procedure WHERE code = :code AND method <> 'COMMON'").param("code", code)
                        .query(Procedures::view).optional();
    }

    private static ProcedureView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ProcedureView(rs.getString("code"), DealKind.valueOf(rs.getString("kind")), rs.getString("method"),
                rs.getString("name_zh"), rs.getString("name_en"), Arrays.asList((String[]) rs.getArray("steps").getArray()),
                rs.getBoolean("runnable"));
    }

    /** The procedure {@code code}; an unknown code is refused ({@code DEALS_UNKNOWN_PROCEDURE}). */
    public ProcedureView get(String code) {
        return find(code).orElseThrow(() -> new DomainException(DealsError.DEALS_UNKNOWN_PROCEDURE, String.valueOf(code)));
    }

    /** The rules of {@code procedureCode} in force on {@code date}, with today's working-day calendar. */
    public ProcedureRules rules(String procedureCode, LocalDate date) {
        get(procedureCode);
        return book(procedureCode).rules(procedureCode, date, calendars.workingDays());
    }

    /** The rules of {@code procedureCode} in force at the Beijing date of {@code event}. */
    public ProcedureRules rulesAt(String procedureCode, Instant event) {
        return rules(procedureCode, Limit.beijingDate(event));
    }

    /**
     * The rules of {@code procedureCode} for a lot in region {@code regionCode} at the Beijing date of {@code event}:
     * the procedure chain's, with each rule a region up the lot's region tree overrides locally (the nearest region with
     * a version in force that day decides; e.g. Fujian's 5-minute countdown after a 15-minute pause). A null region
     * gives the procedure chain's rules; an unknown region is refused ({@code REGION_NOT_FOUND}).
     */
    public ProcedureRules rulesAt(String procedureCode, String regionCode, Instant event) {
        return rules(procedureCode, regionCode, Limit.beijingDate(event));
    }

    /** The rules of {@code procedureCode} for a lot in region {@code regionCode} on {@code date} (see {@link #rulesAt(String, String, Instant)}). */
    public ProcedureRules rules(String procedureCode, String regionCode, LocalDate date) {
        ProcedureRules chain = rules(procedureCode, date);
        if (regionCode == null) {
            return chain;
        }
        List<String> upwards = regions.get(regionCode).upwards();
        List<String> procedureChain = chain(procedureCode);
        return regional(procedureChain, upwards).over(chain, upwards, procedureChain);
    }

    /** Every region's local versions of {@code procedureCode}'s rules (or of those it inherits), for the public catalogue. */
    public List<RegionalRuleBook.RegionRule> regionalVersions(String procedureCode) {
        get(procedureCode);
        return regional(chain(procedureCode), null).rules();
    }

    /** Every version of every rule of {@code procedureCode}, for the public catalogue. */
    public List<RuleVersion> versions(String procedureCode) {
        get(procedureCode);
        return book(procedureCode).versions(procedureCode);
    }

    /** {@code procedureCode}, then the procedure it inherits from, and so on up. */
    private List<String> chain(String procedureCode) {
        return jdbc.sql("""
                WITH RECURSIVE chain (code, depth) AS (
                    SELECT code, 0 FROM deal_procedure WHERE code = :code
                    UNION ALL
                    SELECT p.inherits, c.depth + 1 FROM chain c JOIN deal_procedure p ON p.code = c.code
                    WHERE p.inherits IS NOT NULL AND c.depth < 8)
                SELECT code FROM chain ORDER BY depth""")
                .param("code", procedureCode).query(String.class).list();
    }

    /** The local rules set for any of {@code procedureChain} by any of {@code regionCodes} (null: by every region). */
    private RegionalRuleBook regional(List<String> procedureChain, List<String> regionCodes) {
        return new RegionalRuleBook(jdbc.sql("""
                SELECT region_code, procedure_code, rule_key, amount, unit, article, effective_from, effective_to
                FROM procedure_region_rule
                WHERE procedure_code IN (:procedures) AND (:anyRegion OR region_code IN (:regions))
                ORDER BY region_code, procedure_code, rule_key, effective_from""")
                .param("procedures", procedureChain).param("anyRegion", regionCodes == null)
                .param("regions", regionCodes == null ? List.of("") : regionCodes)
                .query((rs, i) -> new RegionalRuleBook.RegionRule(rs.getString("region_code"), new RuleVersion(
                        rs.getString("procedure_code"), rs.getString("rule_key"),
                        new Limit(rs.getBigDecimal("amount"), LimitUnit.valueOf(rs.getString("unit")), rs.getString("article")),
                        rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class))))
                .list());
    }

    /**
     * The rule book of {@code procedureCode}: its own rules and, for each key it does not define, the rules of the
     * nearest procedure up its {@code inherits} chain that does (all of that procedure's dated versions of the key), so
     * a method states only what differs from its kind's common rules (e.g. {@code ZFCG_COMMON}).
     */
    private RuleBook book(String procedureCode) {
        record Row(int depth, RuleVersion version) {
        }
        List<Row> rows = jdbc.sql("""
                WITH RECURSIVE chain (code, depth) AS (
                    SELECT code, 0 FROM deal_procedure WHERE code = :code
                    UNION ALL
                    SELECT p.inherits, c.depth + 1 FROM chain c JOIN deal_procedure p ON p.code = c.code
                    WHERE p.inherits IS NOT NULL AND c.depth < 8)
                SELECT r.rule_key, r.amount, r.unit, r.article, r.effective_from, r.effective_to, c.depth
                FROM procedure_rule r JOIN chain c ON c.code = r.procedure_code
                ORDER BY r.rule_key, c.depth, r.effective_from""")
                .param("code", procedureCode)
                .query((rs, i) -> new Row(rs.getInt("depth"), new RuleVersion(procedureCode, rs.getString("rule_key"),
                        new Limit(rs.getBigDecimal("amount"), LimitUnit.valueOf(rs.getString("unit")), rs.getString("article")),
                        rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class))))
                .list();
        java.util.Map<String, Integer> nearest = new java.util.HashMap<>();
        rows.forEach(r -> nearest.merge(r.version().key(), r.depth(), Math::min));
        return new RuleBook(rows.stream().filter(r -> r.depth() == nearest.get(r.version().key())).map(Row::version).toList());
    }
}
