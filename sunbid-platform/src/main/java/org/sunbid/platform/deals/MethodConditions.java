package org.sunbid.platform.deals;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sunbid.platform.kernel.DomainException;

/**
 * The conditions of use of each procurement method (maintained, dated data in {@code deal_method_condition}), read
 * fresh on each call: what a purchaser chooses from when it asks for a method's approval (政府采购法 Art. 27), and what
 * the portal shows with each lot.
 */
@Service
public class MethodConditions {

    private final JdbcClient jdbc;
    private final Procedures procedures;

    MethodConditions(JdbcClient jdbc, Procedures procedures) {
        this.jdbc = jdbc;
        this.procedures = procedures;
    }

    /** Every version of every condition of {@code procedureCode} (unknown procedure refused), in the article's order. */
    public List<MethodCondition> all(String procedureCode) {
        procedures.get(procedureCode);
        return jdbc.sql("SELECT * FROM deal_method_condition WHERE procedure_code = :p ORDER BY position, effective_from")
                .param("p", procedureCode)
                .query((rs, i) -> new MethodCondition(rs.getString("procedure_code"), rs.getString("condition_code"),
                        rs.getInt("position"), rs.getString("text_zh"), rs.getString("text_en"), rs.getString("article"),
                        rs.getBoolean("requires_publicity"), rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class)))
                .list();
    }

    /** The conditions of {@code procedureCode} in force on {@code date}. */
    public List<MethodCondition> inForce(String procedureCode, LocalDate date) {
        return all(procedureCode).stream().filter(c -> c.inForceOn(date)).toList();
    }

    /**
     * The chosen {@code codes} as conditions of {@code procedureCode} in force on {@code date}, in the article's order;
     * none chosen, or a code the procedure does not have on that date, is refused ({@code DEALS_UNKNOWN_CONDITION}).
     */
    public List<MethodCondition> chosen(String procedureCode, Collection<String> codes, LocalDate date) {
        if (codes == null || codes.isEmpty()) {
            throw new DomainException(DealsError.DEALS_UNKNOWN_CONDITION, "", procedureCode);
        }
        List<MethodCondition> available = inForce(procedureCode, date);
        for (String code : codes) {
            if (available.stream().noneMatch(c -> c.code().equals(code))) {
                throw new DomainException(DealsError.DEALS_UNKNOWN_CONDITION, String.valueOf(code), procedureCode);
            }
        }
        return available.stream().filter(c -> codes.contains(c.code())).toList();
    }
}
