package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.kernel.DomainException;

class AuctionReservesTest {

    @Test
    void aReserveIsAPositiveAmountToTheFen() {
        assertThat(AuctionReserves.fen("12345.67")).isEqualTo(1_234_567L);
        assertThat(AuctionReserves.fen("100")).isEqualTo(10_000L);
        for (String bad : new String[] {"0", "-1", "1.234", "abc"}) {
            assertThatThrownBy(() -> AuctionReserves.fen(bad)).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).errorCode()).isEqualTo(AuctionError.INVALID_RESERVE);
        }
    }
}
