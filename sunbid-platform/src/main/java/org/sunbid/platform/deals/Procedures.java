package org.sunbid.platform.deals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleBook;
import org.sunbid.platform.deals.domain.RuleVersion;
import org.sunbid.platform.kernel.DomainException;

/**
 * The procedure catalogue (maintained data, {@code deal_procedure}) and each procedure's dated rules
 * ({@code procedure_rule}), read fresh on each call so a maintained change applies at once; rules are resolved at the
 * Beijing date of the event they judge.
 */
@Service
public class Procedures {

    private final JdbcClient jdbc;
    private final Calendars calendars;

    Procedures(JdbcClient jdbc, Calendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /** Every procedure, in the catalogue's order. */
    public List<ProcedureView> all() {
        return jdbc.sql("SELECT * FROM deal_procedure WHERE method <> 'COMMON' ORDER BY position").query((rs, i) -> new ProcedureView(rs.getString("code"),
                DealKind.valueOf(rs.getString("kind")), rs.getString("method"), rs.getString("name_zh"), rs.getString("name_en"),
                Arrays.asList((String[]) rs.getArray("steps").getArray()), rs.getBoolean("runnable"))).list();
    }

    /** The procedure {@code code}, if the catalogue has it. */
    public Optional<ProcedureView> find(String code) {
        return code == null ? Optional.empty() : all().stream().filter(p -> p.code().equals(code)).findFirst();
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

    /** Every version of every rule of {@code procedureCode}, for the public catalogue. */
    public List<RuleVersion> versions(String procedureCode) {
        get(procedureCode);
        return book(procedureCode).versions(procedureCode);
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
