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
        return jdbc.sql("SELECT * FROM deal_procedure ORDER BY position").query((rs, i) -> new ProcedureView(rs.getString("code"),
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

    private RuleBook book(String procedureCode) {
        return new RuleBook(jdbc.sql("""
                SELECT procedure_code, rule_key, amount, unit, article, effective_from, effective_to
                FROM procedure_rule WHERE procedure_code = :code ORDER BY rule_key, effective_from""")
                .param("code", procedureCode)
                .query((rs, i) -> new RuleVersion(rs.getString("procedure_code"), rs.getString("rule_key"),
                        new Limit(rs.getBigDecimal("amount"), LimitUnit.valueOf(rs.getString("unit")), rs.getString("article")),
                        rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class)))
                .list());
    }
}
