package org.sunbid.platform.procurement.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How an opened first-stage price sheet is judged against the agreement's items and maxima. */
class OpenedResponseTest {

    private static final Map<Integer, BigDecimal> MAXIMA = maxima();

    private static Map<Integer, BigDecimal> maxima() {
        Map<Integer, BigDecimal> m = new LinkedHashMap<>();
        m.put(1, new BigDecimal("5000.00"));
        m.put(2, new BigDecimal("1500.00"));
        return m;
    }

    @Test
    void aSheetPricingEveryItemWithinItsMaximum_takesPart_withItsPrices() {
        OpenedResponse r = OpenedResponse.judge(MAXIMA, Map.of("1", "4800.00", "2", "1500.00"));
        assertThat(r.eliminated()).isFalse();
        assertThat(r.reason()).isNull();
        assertThat(r.prices()).containsOnly(Map.entry(1, new BigDecimal("4800.00")), Map.entry(2, new BigDecimal("1500.00")));
    }

    @Test
    void integersAreAmountsToo() {
        OpenedResponse r = OpenedResponse.judge(MAXIMA, Map.of("1", 4800, "2", 1499L));
        assertThat(r.eliminated()).isFalse();
        assertThat(r.prices().get(2)).isEqualByComparingTo("1499");
    }

    @Test
    void aPriceAboveItsMaximum_isEliminated_keepingWhatOpened() {
        OpenedResponse r = OpenedResponse.judge(MAXIMA, Map.of("1", "5000.01", "2", "1200.00"));
        assertThat(r.eliminated()).isTrue();
        assertThat(r.reason()).contains("item 1").contains("above its maximum");
        assertThat(r.prices()).hasSize(2);
    }

    @Test
    void aMissingItem_anUnknownItem_orNotAnAmount_isEliminated() {
        assertThat(OpenedResponse.judge(MAXIMA, Map.of("1", "4800.00")).reason()).contains("no unit price for item 2");
        assertThat(OpenedResponse.judge(MAXIMA, Map.of("1", "4800.00", "2", "1200.00", "3", "10.00")).eliminated()).isTrue();
        assertThat(OpenedResponse.judge(MAXIMA, Map.of("1", "4800.00", "2", "12.345")).eliminated()).isTrue();
        assertThat(OpenedResponse.judge(MAXIMA, Map.of("1", "4800.00", "2", "-1.00")).eliminated()).isTrue();
        assertThat(OpenedResponse.judge(MAXIMA, Map.of("1", "4800.00", "2", 12.5)).eliminated()).isTrue();
        assertThat(OpenedResponse.judge(MAXIMA, Map.of("x", "4800.00", "2", "1200.00")).eliminated()).isTrue();
        assertThat(OpenedResponse.judge(MAXIMA, null).eliminated()).isTrue();
        assertThat(OpenedResponse.judge(MAXIMA, "4800.00").eliminated()).isTrue();
    }

    @Test
    void anEnvelopeThatDidNotOpen_isEliminated_withoutPrices() {
        OpenedResponse r = OpenedResponse.notOpened();
        assertThat(r.eliminated()).isTrue();
        assertThat(r.reason()).isEqualTo(OpenedResponse.NOT_OPENED);
        assertThat(r.prices()).isEmpty();
    }
}
