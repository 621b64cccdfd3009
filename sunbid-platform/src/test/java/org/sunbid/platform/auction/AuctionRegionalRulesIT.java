package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.deals.domain.RuleKeys;

import tools.jackson.databind.JsonNode;

/**
 * A lot's terms and schedule checks follow its region's local overrides of the procedure's rules (deals V180,
 * Procedures.rulesAt with the region): a Fujian-like province ([F:S10 Art 33–46]: 5-minute countdown after a
 * 15-minute pause) on the demo's test province 示范省 990000, which holds every demo region. The local rows are
 * inserted here and removed after each test; time: START, the clock back to START after.
 */
class AuctionRegionalRulesIT extends PlatformIT {

    static final String PROVINCE = "990000";

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    AuctionLots lots;

    @Autowired
    org.sunbid.platform.deals.Procedures procedures;

    private AuctionFlow flow;

    @BeforeEach
    void atStart() {
        clock.set(START);
        flow = new AuctionFlow(this, context);
        noLocalRules();
    }

    @AfterEach
    void backToStart() {
        noLocalRules();
        clock.set(START);
    }

    private void noLocalRules() {
        jdbc.sql("DELETE FROM procedure_region_rule WHERE region_code LIKE '99%'").update();
    }

    private void local(String procedure, String key, long amount, String unit) {
        jdbc.sql("""
                INSERT INTO procedure_region_rule (procedure_code, region_code, rule_key, amount, unit, article, effective_from)
                VALUES (:p, :r, :k, :a, :u, :article, :from)""").param("p", procedure).param("r", PROVINCE).param("k", key)
                .param("a", amount).param("u", unit).param("article", "测试地方规则（参照福建省国有建设用地使用权网上挂牌规则）" + key)
                .param("from", LocalDate.parse("2020-01-01")).update();
    }

    @Test
    void fujian_art33_aLotsCountdownAndPauseFollowItsRegionsRules() {
        // the procedure chain alone: 4 minutes, no pause (V150)
        assertThat(procedures.rulesAt("TDSYQ_LISTING", START).limit(RuleKeys.COUNTDOWN).plain()).isEqualTo("4");
        assertThat(procedures.rulesAt("TDSYQ_LISTING", START).limit(RuleKeys.TIMED_ROUND_PAUSE).plain()).isEqualTo("0");
        local("TDSYQ_COMMON", RuleKeys.COUNTDOWN, 5, "MINUTE");
        local("TDSYQ_LISTING", RuleKeys.TIMED_ROUND_PAUSE, 15, "MINUTE");

        AuctionFlow.Lot lot = flow.published("TDSYQ_LISTING", START, "8000000.00", "100000.00", "1600000.00");
        JsonNode view = flow.view(lot.id()).json();
        assertThat(view.path("countdownMinutes").asLong()).as(view.toString()).isEqualTo(5);
        assertThat(view.path("pauseMinutes").asLong()).isEqualTo(15);
        var terms = lots.terms(UUID.fromString(lot.id())).orElseThrow(); // what the live room runs by
        assertThat(terms.countdown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(terms.pause()).isEqualTo(Duration.ofMinutes(15));
        assertThat(view.toString()).contains("测试地方规则");
    }

    @Test
    void fujian_regionsLongerListingPeriodRefusesAScheduleTheProcedureAloneAllows() {
        AuctionFlow.Plan plan = flow.plan("TDSYQ_LISTING", START); // the earliest the chain's 10 working days allow
        local("TDSYQ_LISTING", RuleKeys.LISTING_PERIOD, 30, "WORKING_DAY");
        String lot = flow.lot("TDSYQ_LISTING", "云州地方规则测试地块", "8000000.00", "1600000.00", plan.applicationClose());
        assertThat(flow.terms(lot, flow.termsBody("TDSYQ_LISTING", plan, "8000000.00", "100000.00")).status()).isEqualTo(200);
        ApiClient.Response refused = flow.publish(lot, START);
        assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.body()).contains("LISTING");

        noLocalRules(); // without the region's rule the same schedule is published
        assertThat(flow.publish(lot, START).status()).isEqualTo(200);
    }
}
