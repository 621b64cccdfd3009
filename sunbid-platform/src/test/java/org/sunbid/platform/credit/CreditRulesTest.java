package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The dated publication rules (信用修复管理办法 发改委令第36号 Art. 12, 25; the superseded 527号), computed by hand. */
class CreditRulesTest {

    private static Instant bj(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant();
    }

    private static CreditRecordView record(CreditClass c, Instant from, Instant until, Set<Gate> gates, Instant restrictionUntil) {
        return new CreditRecordView(UUID.randomUUID(), CreditSubject.organisation("91990100MA00000001"), "某公司", c, "串通投标",
                "招标投标法实施条例第六十七条", "云州市住房和城乡建设局", "云建罚〔2026〕1号", "platform", "r-1", "990100", gates,
                gates.isEmpty() ? null : from, restrictionUntil, from, until, null);
    }

    @Test
    void repair36_art12_theRuleOfTheDecisionDateApplies_527BeforeAprilFirst2026_36FromIt() {
        assertThat(CreditRules.ruleAt(bj("2026-03-31T23:59:59"))).isSameAs(CreditRules.NDRC_527);
        assertThat(CreditRules.ruleAt(bj("2026-04-01T00:00:00"))).isSameAs(CreditRules.NDRC_36);
        // 2026-03-31T17:00Z is already 2026-04-01 in Beijing
        assertThat(CreditRules.ruleAt(Instant.parse("2026-03-31T17:00:00Z"))).isSameAs(CreditRules.NDRC_36);
    }

    @Test
    void repair36_art12_generalIsPublishedOneYearAndRepairableAfterThreeMonths() {
        Instant decided = bj("2026-06-15T10:00:00");
        CreditRules.Publication p = CreditRules.publication(CreditClass.GENERAL, decided, false, false);
        assertThat(p.rule()).isSameAs(CreditRules.NDRC_36);
        assertThat(p.from()).isEqualTo(decided);
        assertThat(p.until()).isEqualTo(bj("2027-06-15T10:00:00"));
        assertThat(p.repairableFrom()).isEqualTo(bj("2026-09-15T10:00:00"));
        assertThat(p.article()).contains("第十二条");
    }

    @Test
    void repair36_art12_seriousIsPublishedThreeYearsRepairableAfterOneYear_under527AfterSixMonths() {
        Instant new36 = bj("2026-05-01T09:00:00");
        CreditRules.Publication p = CreditRules.publication(CreditClass.SERIOUS, new36, false, false);
        assertThat(p.until()).isEqualTo(bj("2029-05-01T09:00:00"));
        assertThat(p.repairableFrom()).isEqualTo(bj("2027-05-01T09:00:00"));
        Instant old527 = bj("2026-01-10T09:00:00");
        CreditRules.Publication q = CreditRules.publication(CreditClass.SERIOUS, old527, false, false);
        assertThat(q.rule()).isSameAs(CreditRules.NDRC_527);
        assertThat(q.until()).isEqualTo(bj("2029-01-10T09:00:00"));
        assertThat(q.repairableFrom()).isEqualTo(bj("2026-07-10T09:00:00"));
    }

    @Test
    void repair36_art12_minorAndNaturalPersonsAreNotPublished() {
        assertThat(CreditRules.publication(CreditClass.MINOR, bj("2026-06-01T09:00:00"), false, false).published()).isFalse();
        assertThat(CreditRules.publication(CreditClass.SERIOUS, bj("2026-06-01T09:00:00"), false, true).published()).isFalse();
    }

    @Test
    void repair36_art25_falseMaterialIsPublishedThreeYearsAndNeverRepairable() {
        Instant decided = bj("2026-06-01T09:00:00");
        CreditRules.Publication p = CreditRules.publication(CreditClass.GENERAL, decided, true, false);
        assertThat(p.until()).isEqualTo(bj("2029-06-01T09:00:00"));
        assertThat(p.repairableFrom()).isNull();
        assertThat(p.article()).contains("第二十五条");
        CreditRecordView r = record(CreditClass.GENERAL, p.from(), p.until(), Set.of(), null);
        assertThat(CreditRules.repairRefusal(r, decided, true, bj("2028-01-01T09:00:00"))).contains(CreditRules.Refusal.FALSE_MATERIAL);
    }

    @Test
    void repair36_art12_severalPenalties_theLongestApplies() {
        Instant decided = bj("2026-06-01T09:00:00");
        CreditRules.Publication general = CreditRules.publication(CreditClass.GENERAL, decided, false, false);
        CreditRules.Publication serious = CreditRules.publication(CreditClass.SERIOUS, decided, false, false);
        CreditRules.Publication minor = CreditRules.publication(CreditClass.MINOR, decided, false, false);
        assertThat(CreditRules.longest(List.of(general, minor, serious))).isSameAs(serious);
        CreditRules.Publication falseMaterial = CreditRules.publication(CreditClass.GENERAL, decided, true, false);
        // same end (3 years): the unrepairable one wins
        assertThat(CreditRules.longest(List.of(serious, falseMaterial))).isSameAs(falseMaterial);
    }

    @Test
    void repair36_art12_repairOnlyAfterTheMinimumAndNotWhileATimeLimitedPenaltyRuns() {
        Instant decided = bj("2026-06-01T09:00:00");
        CreditRules.Publication p = CreditRules.publication(CreditClass.GENERAL, decided, false, false);
        CreditRecordView plain = record(CreditClass.GENERAL, p.from(), p.until(), Set.of(), null);
        assertThat(CreditRules.repairRefusal(plain, decided, false, p.repairableFrom().minusSeconds(1)))
                .contains(CreditRules.Refusal.BEFORE_MINIMUM);
        assertThat(CreditRules.repairRefusal(plain, decided, false, p.repairableFrom())).isEmpty();
        // a 6-month ban on bidding: not removed early, repairable once it has run
        Instant banEnd = CreditRules.plus(decided, Period.ofMonths(6));
        CreditRecordView banned = record(CreditClass.GENERAL, p.from(), p.until(), Set.of(Gate.BIDDING), banEnd);
        assertThat(CreditRules.repairRefusal(banned, decided, false, p.repairableFrom())).contains(CreditRules.Refusal.PENALTY_RUNNING);
        assertThat(CreditRules.repairRefusal(banned, decided, false, banEnd)).isEmpty();
        // publication over (at its maximum): nothing to repair
        assertThat(CreditRules.repairRefusal(plain, decided, false, p.until())).contains(CreditRules.Refusal.NOT_PUBLISHED);
    }
}
