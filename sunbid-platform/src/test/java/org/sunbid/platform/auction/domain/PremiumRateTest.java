package org.sunbid.platform.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PremiumRateTest {

    @Test
    void premiumRateIsThePremiumOverTheStartPrice() {
        PremiumRate rate = new PremiumRate(125_000_000_00L, 100_000_000_00L);
        assertThat(rate.premium()).isEqualTo(25_000_000_00L);
        assertThat(rate.percent()).isEqualByComparingTo("25.00");
        assertThat(rate.exact()).isEqualTo("2500000000/10000000000");
    }

    @Test
    void aRepeatingRateIsPublishedToAHundredthOfAPercentHalfUpAndKeptExact() {
        PremiumRate rate = new PremiumRate(400_00L, 300_00L); // 1/3 = 33.333…%
        assertThat(rate.percent()).isEqualTo(new BigDecimal("33.33"));
        PremiumRate half = new PremiumRate(1_000_05L, 1_000_00L); // 0.005% → 0.01
        assertThat(half.percent()).isEqualTo(new BigDecimal("0.01"));
        assertThat(rate.exact()).isEqualTo("10000/30000");
    }

    @Test
    void atTheStartPriceThePremiumIsZero() {
        assertThat(new PremiumRate(500_00L, 500_00L).percent()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> new PremiumRate(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
