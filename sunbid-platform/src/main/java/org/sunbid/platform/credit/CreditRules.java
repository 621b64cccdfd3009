package org.sunbid.platform.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The publication rules of credit records (失信信息公示期限) as dated data with their articles: each rule applies to the
 * records decided while it was in force, so a record is judged by the rule of its decision date, not today's. Plain
 * Java, no Spring: the record makers (the deciding contexts) derive a record's publication with
 * {@link #publication(CreditClass, Instant, boolean, boolean)} and the repair checks ask {@link #repairRefusal}.
 *
 * <ul>
 *   <li>信用修复管理办法 (国家发展改革委令第36号), in force 2026-04-01, Art. 12: 轻微 not published (at most 3 months where
 *       needed); 一般 3 months to 1 year; 严重 1 to 3 years; publication stops automatically at the maximum; repair only
 *       after the minimum; a penalty with a time limit is not removed early; several penalties: the longest applies;
 *       natural persons normally not published. Art. 25: false repair material → 3 years, no repair.</li>
 *   <li>The superseded rule (发改办财金规〔2021〕527号, until 2026-03-31): 严重 6 months to 3 years.</li>
 * </ul>
 */
public final class CreditRules {

    /** Days are counted in Beijing time: a decision of 2026-04-01 08:00 CST falls under the new rule. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The bounds of one class's publication.
     *
     * @param published whether records of the class are published at all (轻微: not, unless the decision says so)
     * @param minimum   the minimum publication: repair only after it (Art. 12)
     * @param maximum   the maximum: publication stops automatically there (Art. 12)
     * @param article   where the bounds are written
     */
    public record Band(boolean published, Period minimum, Period maximum, String article) {

        /** The minimum in months (for people). */
        public long minimumMonths() {
            return minimum.toTotalMonths();
        }

        /** The maximum in months (for people). */
        public long maximumMonths() {
            return maximum.toTotalMonths();
        }
    }

    /**
     * One dated publication rule.
     *
     * @param id            a short stable key (kept with a record's derived period)
     * @param name          the rule's name and number
     * @param effectiveFrom first day in force
     * @param effectiveUntil last day in force, or null while in force
     * @param bands         per class
     * @param falseMaterial what a record of false repair material gets (Art. 25), or null where the rule has no such term
     */
    public record Rule(String id, String name, LocalDate effectiveFrom, LocalDate effectiveUntil, Map<CreditClass, Band> bands,
            Band falseMaterial) {

        public Rule {
            bands = Map.copyOf(bands);
        }

        /** Whether the rule was in force on {@code day}. */
        public boolean inForceOn(LocalDate day) {
            return !day.isBefore(effectiveFrom) && (effectiveUntil == null || !day.isAfter(effectiveUntil));
        }

        public Band band(CreditClass c) {
            return bands.get(c);
        }
    }

    /** 发改办财金规〔2021〕527号 (superseded on 2026-04-01): 严重 6 months to 3 years. */
    public static final Rule NDRC_527 = new Rule("ndrc-527", "失信行为纠正后的信用信息修复管理办法（试行）（发改办财金规〔2021〕527号）",
            LocalDate.of(2022, 1, 1), LocalDate.of(2026, 3, 31), bands(
                    new Band(false, Period.ZERO, Period.ofMonths(3), "527号 第六条"),
                    new Band(true, Period.ofMonths(3), Period.ofYears(1), "527号 第六条"),
                    new Band(true, Period.ofMonths(6), Period.ofYears(3), "527号 第六条")),
            null);

    /** 信用修复管理办法 (国家发展改革委令第36号), in force 2026-04-01. */
    public static final Rule NDRC_36 = new Rule("ndrc-36", "信用修复管理办法（国家发展改革委令第36号）", LocalDate.of(2026, 4, 1), null,
            bands(new Band(false, Period.ZERO, Period.ofMonths(3), "信用修复管理办法第十二条"),
                    new Band(true, Period.ofMonths(3), Period.ofYears(1), "信用修复管理办法第十二条"),
                    new Band(true, Period.ofYears(1), Period.ofYears(3), "信用修复管理办法第十二条")),
            new Band(true, Period.ofYears(3), Period.ofYears(3), "信用修复管理办法第二十五条"));

    /** Every rule, oldest first. */
    public static final List<Rule> RULES = List.of(NDRC_527, NDRC_36);

    private CreditRules() {
    }

    private static Map<CreditClass, Band> bands(Band minor, Band general, Band serious) {
        Map<CreditClass, Band> m = new EnumMap<>(CreditClass.class);
        m.put(CreditClass.MINOR, minor);
        m.put(CreditClass.GENERAL, general);
        m.put(CreditClass.SERIOUS, serious);
        return m;
    }

    /** The rule in force at {@code decidedAt} (Beijing date); before the oldest rule, the oldest. */
    public static Rule ruleAt(Instant decidedAt) {
        LocalDate day = decidedAt.atZone(ZONE).toLocalDate();
        for (Rule r : RULES) {
            if (r.inForceOn(day)) {
                return r;
            }
        }
        return RULES.get(0);
    }

    /** The rule by its id, if known. */
    public static Optional<Rule> rule(String id) {
        return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * A record's derived publication.
     *
     * @param rule           the rule applied (in force at the decision)
     * @param article        the article the period rests on
     * @param from           publication's start (the decision), or null if not published
     * @param until          its end (exclusive): the maximum, where publication stops automatically; null if not published
     * @param repairableFrom the earliest time a repair may end it (the minimum), or null if it can never be repaired
     */
    public record Publication(Rule rule, String article, Instant from, Instant until, Instant repairableFrom) {

        public boolean published() {
            return from != null;
        }
    }

    /**
     * The publication of a record of class {@code c} decided at {@code decidedAt}, by the rule in force then (Art. 12):
     * published from the decision to the maximum of its class, repairable from the minimum. {@code falseMaterial}: the
     * record is for false repair material (Art. 25: 3 years, never repairable, whatever the rule of the day says for the
     * class). {@code naturalPerson}: natural persons are normally not published (Art. 12).
     */
    public static Publication publication(CreditClass c, Instant decidedAt, boolean falseMaterial, boolean naturalPerson) {
        Objects.requireNonNull(c, "class");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Rule rule = ruleAt(decidedAt);
        if (falseMaterial) {
            Band b = rule.falseMaterial() != null ? rule.falseMaterial() : NDRC_36.falseMaterial();
            return new Publication(rule, b.article(), decidedAt, plus(decidedAt, b.maximum()), null);
        }
        Band band = rule.band(c);
        if (naturalPerson) {
            return new Publication(rule, "信用修复管理办法第十二条（自然人一般不予公示）", null, null, null);
        }
        if (!band.published()) {
            return new Publication(rule, band.article() + "（轻微失信不予公示）", null, null, null);
        }
        return new Publication(rule, band.article(), decidedAt, plus(decidedAt, band.maximum()), plus(decidedAt, band.minimum()));
    }

    /**
     * Several penalties for one conduct: the longest publication applies (Art. 12); the one that ends last (an
     * unrepairable one wins a tie).
     */
    public static Publication longest(Collection<Publication> publications) {
        return publications.stream().filter(Publication::published)
                .max(Comparator.comparing(Publication::until).thenComparing(p -> p.repairableFrom() == null))
                .orElseGet(() -> publications.iterator().next());
    }

    /** Why repair is refused at {@code at}. */
    public enum Refusal {
        /** Not (or no longer) published: nothing to repair. */
        NOT_PUBLISHED,
        /** False repair material (Art. 25): never repairable. */
        FALSE_MATERIAL,
        /** Before the minimum period of its class (Art. 12). */
        BEFORE_MINIMUM,
        /** A penalty with a time limit still runs: not removed early (Art. 12). */
        PENALTY_RUNNING
    }

    /**
     * Whether {@code record} (decided at {@code decidedAt}; {@code falseMaterial} per Art. 25) may have its publication
     * ended by a repair at {@code at}: empty if it may, else why not.
     */
    public static Optional<Refusal> repairRefusal(CreditRecordView record, Instant decidedAt, boolean falseMaterial, Instant at) {
        if (!record.publishedAt(at)) {
            return Optional.of(Refusal.NOT_PUBLISHED);
        }
        if (falseMaterial) {
            return Optional.of(Refusal.FALSE_MATERIAL);
        }
        Band band = ruleAt(decidedAt).band(record.creditClass());
        if (at.isBefore(plus(decidedAt, band.minimum()))) {
            return Optional.of(Refusal.BEFORE_MINIMUM);
        }
        if (record.restrictionFrom() != null && (record.restrictionUntil() == null || at.isBefore(record.restrictionUntil()))
                && !record.gates().isEmpty()) {
            return Optional.of(Refusal.PENALTY_RUNNING);
        }
        return Optional.empty();
    }

    /** {@code at} plus a calendar period in Beijing time (a year after 2026-02-28 is 2027-02-28). */
    public static Instant plus(Instant at, Period p) {
        ZonedDateTime z = at.atZone(ZONE);
        return z.plus(p).toInstant();
    }
}
