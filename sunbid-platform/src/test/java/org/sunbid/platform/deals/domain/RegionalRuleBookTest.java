package org.sunbid.platform.deals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.deals.domain.RegionalRuleBook.RegionRule;

/**
 * A region's local rules over the procedure chain's (issue 17: the rule set per kind and region, dated): the nearest
 * region up the tree with a version in force decides, else the chain's value stands; versions without gap or overlap.
 */
class RegionalRuleBookTest {

    static final String LISTING = "TDSYQ_LISTING";
    static final String COMMON = "TDSYQ_COMMON";
    static final List<String> CHAIN = List.of(LISTING, COMMON);
    static final String PROVINCE = "350000";
    static final String CITY = "350100";
    static final String COUNTY = "350121";
    static final List<String> IN_COUNTY = List.of(COUNTY, CITY, PROVINCE);
    static final List<String> IN_OTHER_PROVINCE = List.of("320500", "320000");
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    static RegionRule rule(String region, String procedure, String key, long minutes, String from, String to) {
        return new RegionRule(region, new RuleVersion(procedure, key, Limit.of(minutes, LimitUnit.MINUTE, region + " " + key),
                LocalDate.parse(from), to == null ? null : LocalDate.parse(to)));
    }

    /** The national chain: Suzhou's 4-minute countdown, a 1-hour freeze, no pause (V150). */
    static ProcedureRules national(LocalDate date) {
        return new ProcedureRules(LISTING, date, Map.of(RuleKeys.COUNTDOWN, Limit.of(4, LimitUnit.MINUTE, "national"),
                RuleKeys.LISTING_FREEZE, Limit.of(60, LimitUnit.MINUTE, "national"),
                RuleKeys.TIMED_ROUND_PAUSE, Limit.of(0, LimitUnit.MINUTE, "national")), new WorkingDays(Map.of()));
    }

    static String minutes(ProcedureRules rules, String key) {
        return rules.limit(key).plain();
    }

    @Test
    void fujian_art33_provinceRuleOverridesTheChainForLotsInItsSubtree() {
        RegionalRuleBook book = new RegionalRuleBook(List.of(rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 5, "2020-01-01", null),
                rule(PROVINCE, LISTING, RuleKeys.TIMED_ROUND_PAUSE, 15, "2020-01-01", null)));
        ProcedureRules inCounty = book.over(national(DAY), IN_COUNTY, CHAIN);
        assertThat(minutes(inCounty, RuleKeys.COUNTDOWN)).isEqualTo("5");
        assertThat(inCounty.limit(RuleKeys.COUNTDOWN).article()).isEqualTo("350000 COUNTDOWN");
        assertThat(minutes(inCounty, RuleKeys.TIMED_ROUND_PAUSE)).isEqualTo("15");
        assertThat(minutes(inCounty, RuleKeys.LISTING_FREEZE)).isEqualTo("60"); // not overridden: the chain's
        assertThat(inCounty.procedureCode()).isEqualTo(LISTING);
        assertThat(inCounty.date()).isEqualTo(DAY);
        // outside the subtree, the chain's values
        ProcedureRules elsewhere = book.over(national(DAY), IN_OTHER_PROVINCE, CHAIN);
        assertThat(minutes(elsewhere, RuleKeys.COUNTDOWN)).isEqualTo("4");
        assertThat(minutes(elsewhere, RuleKeys.TIMED_ROUND_PAUSE)).isEqualTo("0");
    }

    @Test
    void theNearestRegionUpTheTreeWins() {
        RegionalRuleBook book = new RegionalRuleBook(List.of(rule(PROVINCE, LISTING, RuleKeys.COUNTDOWN, 5, "2020-01-01", null),
                rule(CITY, COMMON, RuleKeys.COUNTDOWN, 3, "2020-01-01", null)));
        assertThat(minutes(book.over(national(DAY), IN_COUNTY, CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("3");
        assertThat(minutes(book.over(national(DAY), List.of("350200", PROVINCE), CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("5");
    }

    @Test
    void withinOneRegionTheNearestProcedureUpTheChainWins() {
        RegionalRuleBook book = new RegionalRuleBook(List.of(rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 5, "2020-01-01", null),
                rule(PROVINCE, LISTING, RuleKeys.COUNTDOWN, 6, "2020-01-01", null)));
        assertThat(minutes(book.over(national(DAY), IN_COUNTY, CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("6");
        // an auction (whose chain does not hold TDSYQ_LISTING) gets the province's common rule
        assertThat(minutes(book.over(national(DAY), IN_COUNTY, List.of("TDSYQ_AUCTION", COMMON)), RuleKeys.COUNTDOWN))
                .isEqualTo("5");
    }

    @Test
    void localRulesAreDatedAndFallBackWhereNoneIsInForce() {
        RegionalRuleBook book = new RegionalRuleBook(List.of(rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 5, "2021-01-01", "2025-12-31"),
                rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 10, "2026-01-01", "2026-12-31"),
                rule(CITY, COMMON, RuleKeys.COUNTDOWN, 3, "2026-07-01", null)));
        LocalDate old = LocalDate.of(2025, 12, 31);
        assertThat(minutes(book.over(national(old), IN_COUNTY, CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("5");
        LocalDate first = LocalDate.of(2026, 1, 1);
        assertThat(minutes(book.over(national(first), IN_COUNTY, CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("10");
        // the city's rule from 2026-07-01 wins over the province's while both are in force
        assertThat(minutes(book.over(national(DAY), IN_COUNTY, CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("3");
        assertThat(minutes(book.over(national(DAY), List.of("350200", PROVINCE), CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("10");
        // before the first local version and after the province's last, the chain's value
        LocalDate before = LocalDate.of(2020, 12, 31);
        assertThat(minutes(book.over(national(before), IN_COUNTY, CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("4");
        LocalDate after = LocalDate.of(2027, 1, 1);
        assertThat(minutes(book.over(national(after), List.of("350200", PROVINCE), CHAIN), RuleKeys.COUNTDOWN)).isEqualTo("4");
    }

    @Test
    void overlappingOrGappedLocalVersionsAreRefused() {
        assertThatThrownBy(() -> new RegionalRuleBook(List.of(rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 5, "2021-01-01", "2026-06-30"),
                rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 6, "2026-06-30", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> new RegionalRuleBook(List.of(rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 5, "2021-01-01", "2026-06-29"),
                rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 6, "2026-07-01", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no version in force");
        // the same dates in two regions, or for two procedures, are separate series
        new RegionalRuleBook(List.of(rule(PROVINCE, COMMON, RuleKeys.COUNTDOWN, 5, "2021-01-01", null),
                rule(CITY, COMMON, RuleKeys.COUNTDOWN, 6, "2021-01-01", null),
                rule(PROVINCE, LISTING, RuleKeys.COUNTDOWN, 7, "2021-01-01", null)));
    }

    @Test
    void aRuleTheChainDoesNotHoldCanBeAddedLocally() {
        RegionalRuleBook book = new RegionalRuleBook(List.of(rule(PROVINCE, LISTING, "LOCAL_ONLY", 1, "2020-01-01", null)));
        assertThat(book.over(national(DAY), IN_COUNTY, CHAIN).find("LOCAL_ONLY")).isPresent();
        assertThat(book.over(national(DAY), IN_OTHER_PROVINCE, CHAIN).find("LOCAL_ONLY")).isEmpty();
    }
}
