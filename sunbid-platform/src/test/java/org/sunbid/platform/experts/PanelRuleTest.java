package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.kernel.DomainException;

/** A government procurement panel's composition (财政部令第87号 Art. 47). */
class PanelRuleTest {

    static final PanelRule ORDER_87 = new PanelRule(5, 7, new BigDecimal("10000000"), 2, 3);
    static final BigDecimal SMALL = new BigDecimal("2000000");

    static ExpertsError refusal(int experts, int representatives, BigDecimal budget, boolean complex) {
        try {
            ORDER_87.check(experts, representatives, budget, complex);
        } catch (DomainException e) {
            return (ExpertsError) e.errorCode();
        }
        return null;
    }

    /** 4 + 1 = 5 and 5 + 2 = 7 pass; 3 + 1 = 4 is too few; 5 + 1 = 6 is even; 3 + 2: 3/5 of experts is under 2/3. */
    @Test
    void gpl87_art47_panelOfFiveOrMoreOddMembersExpertsAtLeastTwoThirds() {
        assertThat(refusal(4, 1, SMALL, false)).isNull();
        assertThat(refusal(5, 0, SMALL, false)).isNull();
        assertThat(refusal(5, 2, SMALL, false)).isNull();
        assertThat(refusal(3, 1, SMALL, false)).isEqualTo(ExpertsError.PANEL_COMPOSITION);
        assertThat(refusal(5, 1, SMALL, false)).isEqualTo(ExpertsError.PANEL_COMPOSITION);
        assertThat(refusal(3, 2, SMALL, false)).isEqualTo(ExpertsError.PANEL_COMPOSITION);
    }

    /** "1000万元以上" includes 10,000,000.00: from there (or for a complex project) five members are too few. */
    @Test
    void gpl87_art47_sevenOrMoreFromTenMillionYuan() {
        assertThat(refusal(4, 1, new BigDecimal("9999999.99"), false)).isNull();
        assertThat(refusal(4, 1, new BigDecimal("10000000.00"), false)).isEqualTo(ExpertsError.PANEL_COMPOSITION);
        assertThat(refusal(5, 2, new BigDecimal("10000000.00"), false)).isNull();
        assertThat(refusal(4, 1, SMALL, true)).isEqualTo(ExpertsError.PANEL_COMPOSITION);
        assertThat(ORDER_87.minimumFor(new BigDecimal("10000000"), false)).isEqualTo(7);
        assertThat(ORDER_87.minimumFor(new BigDecimal("9999999.99"), false)).isEqualTo(5);
        assertThatThrownBy(() -> new PanelRule(5, 3, BigDecimal.ONE, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
