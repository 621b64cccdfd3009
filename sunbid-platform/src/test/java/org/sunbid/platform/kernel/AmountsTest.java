package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunbid.platform.kernel.Amounts.Unit;

/** Amounts as people type them: the formats every form accepts, and what stays refused. */
class AmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12000000.00      | YUAN     | 12000000.00",
            "'12,000,000.00'  | YUAN     | 12000000.00",
            "' 12 000 000 '   | YUAN     | 12000000.00",
            "'1,000万'        | YUAN     | 10000000.00",
            "1200万元         | YUAN     | 12000000.00",
            "3000元           | YUAN     | 3000.00",
            "１２，０００．５０ | YUAN     | 12000.50",
            "1200             | WAN_YUAN | 12000000.00",
            "1200.5万元       | WAN_YUAN | 12005000.00",
            "0.0001           | WAN_YUAN | 1.00"})
    void acceptsTheUsualFormats(String typed, Unit unit, String yuan) {
        assertThat(Amounts.parse(typed, unit)).isEqualTo(Money.yuan(yuan));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "三千万", "", "1,00", "12,0000", "-5", "1.234", "1e6", "万", "1,000.00.00"})
    void refusesWhatIsNotAnAmount(String typed) {
        assertThatThrownBy(() -> Amounts.parse(typed, Unit.YUAN)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"85.5 | 85.5", "'1,234.5' | 1234.5", "０７ | 07"})
    void readsNumbers(String typed, String value) {
        assertThat(Amounts.decimal(typed)).isEqualByComparingTo(value);
    }
}
