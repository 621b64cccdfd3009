package org.sunbid.platform.supervision.warnings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.DomainException;

/**
 * The credit terms of a sanction (行政处罚 → 失信记录): its class, the restriction's gates and end, and its publication,
 * from what the supervisor gave and, where not given, from the legal basis. Plain Java.
 * <ul>
 * <li>招标投标法 Art. 53 / 招标投标法实施条例 Art. 67 (串通投标、行贿): 取消投标资格 1–2 years;</li>
 * <li>招标投标法 Art. 54 / 招标投标法实施条例 Art. 68 (弄虚作假): 1–3 years;</li>
 * <li>政府采购法 Art. 77 (供应商违法): 列入不良行为记录名单，禁止参加政府采购活动 1–3 years;</li>
 * <li>政府采购法实施条例 Art. 73 (虚假、恶意投诉): 1–3 years;</li>
 * <li>政府采购法实施条例 Art. 72 (中标、成交后无正当理由拒不签订合同 …, under 政府采购法 Art. 77): 1–3 years.</li>
 * </ul>
 * 招标投标法实施条例 Art. 74 (a winner not signing: 取消中标资格, deposit not returned) sets no ban: such a sanction is
 * recorded GENERAL without restriction unless the supervisor gives one.
 * A restriction under one of these is SERIOUS by default and lasts its minimum unless the supervisor sets its last day
 * within the range; under another basis a restriction needs its last day and gates, and the class defaults to GENERAL.
 * Publication (信用修复管理办法 发改委令第36号 Art. 12): SERIOUS at least 1 and at most 3 years, GENERAL at least 3 months
 * and at most 1 year, and never shorter than the restriction within that maximum; MINOR is not published.
 */
public final class SanctionTerms {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** A ban the law sets a range for. */
    record Ban(String law, String article, Period min, Period max, Set<Gate> gates) {
        /** Whether {@code basis} cites this article of this law (a regulation's citation is not its law's). */
        boolean matches(String basis) {
            String b = basis.replace(" ", "").replace("《", "").replace("》", "");
            String cited = law.endsWith("实施条例") ? b : b.replace(law + "实施条例", "#");
            return cited.contains(law) && b.contains(article);
        }
    }

    static final List<Ban> BANS = List.of(
            new Ban("招标投标法实施条例", "第六十七条", Period.ofYears(1), Period.ofYears(2), EnumSet.of(Gate.BIDDING, Gate.INVITATION)),
            new Ban("招标投标法实施条例", "第六十八条", Period.ofYears(1), Period.ofYears(3), EnumSet.of(Gate.BIDDING, Gate.INVITATION)),
            new Ban("招标投标法", "第五十三条", Period.ofYears(1), Period.ofYears(2), EnumSet.of(Gate.BIDDING, Gate.INVITATION)),
            new Ban("招标投标法", "第五十四条", Period.ofYears(1), Period.ofYears(3), EnumSet.of(Gate.BIDDING, Gate.INVITATION)),
            new Ban("政府采购法实施条例", "第七十三条", Period.ofYears(1), Period.ofYears(3), EnumSet.of(Gate.BIDDING, Gate.INVITATION)),
            // Art. 72 (一): refusing to sign the contract after the award, punished under 政府采购法 Art. 77 (1–3 years)
            new Ban("政府采购法实施条例", "第七十二条", Period.ofYears(1), Period.ofYears(3),
                    EnumSet.of(Gate.BIDDING, Gate.INVITATION, Gate.AGENCY_SELECTION)),
            new Ban("政府采购法", "第七十七条", Period.ofYears(1), Period.ofYears(3),
                    EnumSet.of(Gate.BIDDING, Gate.INVITATION, Gate.AGENCY_SELECTION)));

    /**
     * The terms.
     *
     * @param restrictionFrom  the decision's time, or null without restriction
     * @param restrictionUntil the exclusive end (the day after the last day, Beijing), or null
     * @param publicationFrom  the decision's time, or null if not published
     * @param publicationUntil the exclusive end of publication, or null
     */
    public record Terms(CreditClass creditClass, Set<Gate> gates, Instant restrictionFrom, Instant restrictionUntil,
            Instant publicationFrom, Instant publicationUntil) {
    }

    private SanctionTerms() {
    }

    /** The ban the law sets for {@code basis}, if any. */
    static Optional<Ban> banOf(String basis) {
        return BANS.stream().filter(b -> b.matches(basis)).findFirst();
    }

    /**
     * The terms of a sanction decided at {@code at} on {@code basis}, with what the supervisor gave (each may be null):
     * the class, the restriction's last day in force, the gates.
     */
    public static Terms of(String basis, CreditClass givenClass, LocalDate lastDay, Set<Gate> givenGates, Instant at) {
        LocalDate today = at.atZone(BEIJING).toLocalDate();
        Optional<Ban> ban = banOf(basis);
        Set<Gate> gates = givenGates != null && !givenGates.isEmpty() ? Set.copyOf(givenGates)
                : ban.map(Ban::gates).orElse(Set.of());
        CreditClass cls = givenClass != null ? givenClass : ban.isPresent() ? CreditClass.SERIOUS : CreditClass.GENERAL;
        LocalDate last = lastDay;
        if (ban.isPresent()) {
            Ban b = ban.get();
            LocalDate earliest = today.plus(b.min()).minusDays(1);
            LocalDate latest = today.plus(b.max()).minusDays(1);
            if (last == null) {
                last = earliest;
            } else if (last.isBefore(earliest) || last.isAfter(latest)) {
                throw new DomainException(WarningError.WARNING_SANCTION_TERM_INVALID, b.law() + b.article(), earliest, latest);
            }
        } else if (!gates.isEmpty() && (last == null || last.isBefore(today))) {
            throw new DomainException(WarningError.WARNING_SANCTION_TERM_INVALID, basis, today, "—");
        } else if (gates.isEmpty() && last != null) {
            throw new DomainException(WarningError.WARNING_SANCTION_TERM_INVALID, basis, today, "—");
        }
        Instant restrictionUntil = gates.isEmpty() || last == null ? null : last.plusDays(1).atStartOfDay(BEIJING).toInstant();
        Instant restrictionFrom = restrictionUntil == null ? null : at;
        Instant pubUntil = switch (cls) {
            case MINOR -> null;
            case GENERAL -> clamp(restrictionUntil, today.plusMonths(3), today.plusYears(1));
            case SERIOUS -> clamp(restrictionUntil, today.plusYears(1), today.plusYears(3));
        };
        return new Terms(cls, restrictionUntil == null ? Set.of() : gates, restrictionFrom, restrictionUntil,
                pubUntil == null ? null : at, pubUntil);
    }

    /** The restriction's end, at least {@code min} and at most {@code max} (Beijing days, exclusive ends). */
    private static Instant clamp(Instant restrictionUntil, LocalDate min, LocalDate max) {
        Instant lo = min.atStartOfDay(BEIJING).toInstant();
        Instant hi = max.atStartOfDay(BEIJING).toInstant();
        Instant want = restrictionUntil == null || restrictionUntil.isBefore(lo) ? lo : restrictionUntil;
        return want.isAfter(hi) ? hi : want;
    }
}
