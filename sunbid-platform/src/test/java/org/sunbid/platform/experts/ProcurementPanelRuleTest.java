package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;

/**
 * The panel of every procurement method from the lot's rules ({@link PanelRule#of}): 竞争性谈判 and 询价 (74号令 Art. 7)
 * and 竞争性磋商 (财库〔2014〕214号 Art. 14): 3 or more, odd, experts ≥ 2/3, 5 or more when the budget reaches ("达到":
 * at or above) the open-tender threshold; 单一来源 its PANEL_MIN whatever the budget. The rules are the V93 values.
 */
class ProcurementPanelRuleTest {

    static final BigDecimal THRESHOLD = new BigDecimal("4000000");

    static ProcedureRules rules(boolean large, int min) {
        Map<String, Limit> limits = new HashMap<>();
        limits.put(RuleKeys.PANEL_MIN, Limit.of(min, LimitUnit.COUNT, "财政部令第74号第七条"));
        if (large) {
            limits.put(RuleKeys.PANEL_MIN_LARGE, Limit.of(5, LimitUnit.COUNT, "财政部令第74号第七条（达到公开招标数额标准）"));
            limits.put(RuleKeys.PANEL_LARGE_BUDGET, Limit.of(4000000, LimitUnit.YUAN, "财政部令第74号第七条"));
        }
        return new ProcedureRules("TEST", LocalDate.of(2026, 12, 1), limits, null);
    }

    static boolean refused(ProcedureRules rules, int experts, int representatives, String budget) {
        try {
            PanelRule.of(rules).check(experts, representatives, new BigDecimal(budget), false, "财政部令第74号第七条");
            return false;
        } catch (DomainException e) {
            assertThat(e.errorCode()).isEqualTo(ExpertsError.PANEL_COMPOSITION);
            assertThat(e.arguments()).contains("财政部令第74号第七条");
            return true;
        }
    }

    /** Below the threshold: 2 + 1 = 3 passes; 2 alone too few; 3 + 1 even; 1 + 2: an expert third is under 2/3. */
    @Test
    void gpl74_art7_panelOfThreeOrMoreOddExpertsTwoThirds() {
        ProcedureRules negotiation = rules(true, 3);
        assertThat(refused(negotiation, 3, 0, "3999999.99")).isFalse();
        assertThat(refused(negotiation, 2, 1, "3999999.99")).isFalse();
        assertThat(refused(negotiation, 2, 0, "3999999.99")).isTrue();
        assertThat(refused(negotiation, 3, 1, "3999999.99")).isTrue();
        assertThat(refused(negotiation, 1, 2, "3999999.99")).isTrue();
    }

    /** "达到公开招标数额标准": at 4,000,000.00 exactly, three members are too few; five pass. */
    @Test
    void gpl74_art7_fiveOrMoreAtOrAboveTheOpenTenderThreshold() {
        ProcedureRules negotiation = rules(true, 3);
        assertThat(refused(negotiation, 3, 0, "4000000.00")).isTrue();
        assertThat(refused(negotiation, 4, 1, "4000000.00")).isFalse();
        assertThat(refused(negotiation, 5, 0, "4000000.01")).isFalse();
        assertThat(PanelRule.of(negotiation).minimumFor(THRESHOLD, false)).isEqualTo(5);
        assertThat(PanelRule.of(negotiation).minimumFor(THRESHOLD.subtract(new BigDecimal("0.01")), false)).isEqualTo(3);
    }

    /** 财库〔2014〕214号 Art. 14: the same shape for the consultation panel (the rules carry its article). */
    @Test
    void cgk2014_214_art14_consultationPanelThreeOrFive() {
        ProcedureRules consultation = rules(true, 3);
        assertThat(refused(consultation, 2, 1, "1000000")).isFalse();
        assertThat(refused(consultation, 2, 1, "5000000")).isTrue();
        assertThat(refused(consultation, 4, 1, "5000000")).isFalse();
    }

    /** 单一来源: PANEL_MIN only — the same minimum at any budget, odd, experts ≥ 2/3. */
    @Test
    void gpl74_art42_singleSourcePanelMinimumAtAnyBudget() {
        ProcedureRules single = rules(false, 3);
        assertThat(refused(single, 3, 0, "90000000")).isFalse();
        assertThat(refused(single, 2, 1, "90000000")).isFalse();
        assertThat(refused(single, 2, 0, "100")).isTrue();
    }
}
