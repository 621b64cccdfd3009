package org.sunbid.platform.deals.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.sunbid.platform.catalog.WorkingDays;

/**
 * One procedure's rules in force on one date (the Beijing date of the event they judge), with the working-day
 * calendar that counts their 工作日.
 *
 * @param procedureCode the procedure, e.g. {@code GCJS_OPEN_TENDER}
 * @param date          the date the rules were resolved at
 * @param limits        rule key → limit (keys in {@link RuleKeys})
 * @param calendar      the working-day calendar
 */
public record ProcedureRules(String procedureCode, LocalDate date, Map<String, Limit> limits, WorkingDays calendar) {

    public ProcedureRules {
        limits = Map.copyOf(limits);
    }

    /** The limit {@code key}; refused if the procedure has none in force on the date (a maintenance error). */
    public Limit limit(String key) {
        Limit limit = limits.get(key);
        if (limit == null) {
            throw new IllegalStateException("procedure " + procedureCode + " has no rule " + key + " in force on " + date);
        }
        return limit;
    }

    /** The limit {@code key}, or empty where the procedure has none (e.g. no objection cut-off in procurement). */
    public Optional<Limit> find(String key) {
        return Optional.ofNullable(limits.get(key));
    }

    /** Whether the yes/no rule {@code key} ({@link LimitUnit#FLAG}) holds for the procedure; absent = no. */
    public boolean holds(String key) {
        return find(key).filter(l -> l.unit() == LimitUnit.FLAG).map(l -> l.amount().signum() > 0).orElse(false);
    }

    /** The kind prefix of the procedure's code (GCJS, ZFCG, …). */
    public String kindPrefix() {
        int i = procedureCode.indexOf('_');
        return i < 0 ? procedureCode : procedureCode.substring(0, i);
    }
}
