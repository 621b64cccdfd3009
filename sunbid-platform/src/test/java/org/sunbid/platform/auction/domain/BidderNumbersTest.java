package org.sunbid.platform.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BidderNumbersTest {

    @Test
    void land39_art10_numbersAreSixDigitsUniqueAndRandom() {
        List<String> numbers = BidderNumbers.draw(2_000, new SecureRandom());
        assertThat(numbers).hasSize(2_000).allMatch(BidderNumbers::valid);
        assertThat(new HashSet<>(numbers)).hasSize(2_000);
        // two draws with different randomness differ: a number says nothing about who holds it
        assertThat(BidderNumbers.draw(5, new Random(1))).isNotEqualTo(BidderNumbers.draw(5, new Random(2)));
    }

    @Test
    void aDrawThatWouldExhaustTheSpaceIsRefused() {
        assertThatThrownBy(() -> BidderNumbers.draw(BidderNumbers.SPACE, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BidderNumbers.draw(0, new Random(1))).isEmpty();
        assertThat(BidderNumbers.valid("012345")).isFalse();
        assertThat(BidderNumbers.valid("12345")).isFalse();
        assertThat(BidderNumbers.valid("123456")).isTrue();
    }
}
