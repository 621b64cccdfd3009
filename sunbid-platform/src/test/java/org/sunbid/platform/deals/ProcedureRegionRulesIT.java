package org.sunbid.platform.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.catalog.CatalogError;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;

/**
 * Regional overrides of procedure rules ({@code procedure_region_rule}, V180) resolved by {@code Procedures.rulesAt}
 * with the lot's region: the demo's test regions (示范省 990000 ⊃ 云州市 990100 ⊃ 青山县 990121 ⊃ 青山镇 990121100,
 * and 临江县 990122) get local rows inserted here and removed after each test; no real region's data is seeded.
 */
class ProcedureRegionRulesIT extends PlatformIT {

    static final String PROVINCE = "990000";
    static final String CITY = "990100";
    static final String COUNTY = "990121";
    static final String TOWNSHIP = "990121100";
    static final String OTHER_COUNTY = "990122";
    static final Instant EVENT = Instant.parse("2026-12-01T02:00:00Z");

    @Autowired
    Procedures procedures;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void noLocalRules() {
        jdbc.sql("DELETE FROM procedure_region_rule WHERE region_code LIKE '99%'").update();
    }

    void local(String procedure, String region, String key, long amount, String unit, String from, String to) {
        jdbc.sql("""
                INSERT INTO procedure_region_rule (procedure_code, region_code, rule_key, amount, unit, article, effective_from, effective_to)
                VALUES (:procedure, :region, :key, :amount, :unit, :article, :from, :to)""")
                .param("procedure", procedure).param("region", region).param("key", key).param("amount", amount)
                .param("unit", unit).param("article", "测试地方规则 " + region + " " + key)
                .param("from", LocalDate.parse(from)).param("to", to == null ? null : LocalDate.parse(to)).update();
    }

    static String plain(ProcedureRules rules, String key) {
        return rules.limit(key).plain();
    }

    @Test
    void withoutLocalRulesTheProcedureChainDecides() {
        ProcedureRules chain = procedures.rulesAt("TDSYQ_LISTING", EVENT);
        ProcedureRules inTownship = procedures.rulesAt("TDSYQ_LISTING", TOWNSHIP, EVENT);
        assertThat(inTownship.limits()).isEqualTo(chain.limits());
        assertThat(plain(inTownship, RuleKeys.COUNTDOWN)).isEqualTo("4"); // TDSYQ_COMMON (V150, Suzhou's 4 minutes)
        assertThat(procedures.rulesAt("TDSYQ_LISTING", null, EVENT).limits()).isEqualTo(chain.limits());
    }

    @Test
    void fujian_art33_aProvincesFiveMinuteCountdownAndFifteenMinutePauseApplyInItsSubtree() {
        local("TDSYQ_COMMON", PROVINCE, RuleKeys.COUNTDOWN, 5, "MINUTE", "2020-01-01", null);
        local("TDSYQ_LISTING", PROVINCE, RuleKeys.TIMED_ROUND_PAUSE, 15, "MINUTE", "2020-01-01", null);
        ProcedureRules listing = procedures.rulesAt("TDSYQ_LISTING", TOWNSHIP, EVENT);
        assertThat(plain(listing, RuleKeys.COUNTDOWN)).isEqualTo("5");
        assertThat(listing.limit(RuleKeys.COUNTDOWN).unit()).isEqualTo(LimitUnit.MINUTE);
        assertThat(listing.limit(RuleKeys.COUNTDOWN).article()).contains("990000");
        assertThat(plain(listing, RuleKeys.TIMED_ROUND_PAUSE)).isEqualTo("15");
        assertThat(plain(listing, RuleKeys.LISTING_FREEZE)).isEqualTo("60"); // not overridden: the chain's
        // the common rule reaches the auction too; the listing's pause does not
        ProcedureRules auction = procedures.rulesAt("TDSYQ_AUCTION", COUNTY, EVENT);
        assertThat(plain(auction, RuleKeys.COUNTDOWN)).isEqualTo("5");
        assertThat(auction.find(RuleKeys.TIMED_ROUND_PAUSE)).isEqualTo(procedures.rulesAt("TDSYQ_AUCTION", EVENT).find(RuleKeys.TIMED_ROUND_PAUSE));
        // another kind's procedures keep their chain's values
        assertThat(plain(procedures.rulesAt("KYQ_LISTING", COUNTY, EVENT), RuleKeys.COUNTDOWN))
                .isEqualTo(plain(procedures.rulesAt("KYQ_LISTING", EVENT), RuleKeys.COUNTDOWN));
    }

    @Test
    void theNearestRegionUpTheTreeWins() {
        local("TDSYQ_COMMON", PROVINCE, RuleKeys.COUNTDOWN, 5, "MINUTE", "2020-01-01", null);
        local("TDSYQ_COMMON", COUNTY, RuleKeys.COUNTDOWN, 3, "MINUTE", "2020-01-01", null);
        assertThat(plain(procedures.rulesAt("TDSYQ_LISTING", TOWNSHIP, EVENT), RuleKeys.COUNTDOWN)).isEqualTo("3");
        assertThat(plain(procedures.rulesAt("TDSYQ_LISTING", COUNTY, EVENT), RuleKeys.COUNTDOWN)).isEqualTo("3");
        assertThat(plain(procedures.rulesAt("TDSYQ_LISTING", OTHER_COUNTY, EVENT), RuleKeys.COUNTDOWN)).isEqualTo("5");
        assertThat(plain(procedures.rulesAt("TDSYQ_LISTING", CITY, EVENT), RuleKeys.COUNTDOWN)).isEqualTo("5");
    }

    @Test
    void localRulesAreDatedAtTheEventsBeijingDate() {
        local("TDSYQ_COMMON", CITY, RuleKeys.COUNTDOWN, 5, "MINUTE", "2026-01-01", "2026-11-30");
        local("TDSYQ_COMMON", CITY, RuleKeys.COUNTDOWN, 6, "MINUTE", "2026-12-01", null);
        // 2026-11-30T16:00Z is already 1 December in Beijing
        assertThat(plain(procedures.rulesAt("TDSYQ_LISTING", COUNTY, Instant.parse("2026-11-30T15:59:59Z")), RuleKeys.COUNTDOWN))
                .isEqualTo("5");
        assertThat(plain(procedures.rulesAt("TDSYQ_LISTING", COUNTY, Instant.parse("2026-11-30T16:00:00Z")), RuleKeys.COUNTDOWN))
                .isEqualTo("6");
        // before the first local version: the chain's value
        assertThat(plain(procedures.rules("TDSYQ_LISTING", COUNTY, LocalDate.of(2025, 12, 31)), RuleKeys.COUNTDOWN)).isEqualTo("4");
        assertThat(procedures.regionalVersions("TDSYQ_LISTING")).hasSize(2);
        assertThat(procedures.regionalVersions("KYQ_LISTING")).isEmpty();
    }

    @Test
    void overlappingLocalVersionsStopTheRulesRatherThanPickOne() {
        local("TDSYQ_COMMON", CITY, RuleKeys.COUNTDOWN, 5, "MINUTE", "2026-01-01", "2026-12-31");
        local("TDSYQ_COMMON", CITY, RuleKeys.COUNTDOWN, 6, "MINUTE", "2026-12-01", null);
        assertThatThrownBy(() -> procedures.rulesAt("TDSYQ_LISTING", COUNTY, EVENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        // lots outside that city are not concerned
        assertThat(plain(procedures.rulesAt("TDSYQ_LISTING", PROVINCE, EVENT), RuleKeys.COUNTDOWN)).isEqualTo("4");
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertThatThrownBy(() -> procedures.rulesAt("TDSYQ_LISTING", "980000", EVENT))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).errorCode()).isEqualTo(CatalogError.REGION_NOT_FOUND));
    }
}
