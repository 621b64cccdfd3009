package org.sunbid.platform.intermediaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.Sm4Gcm;
import org.sunbid.platform.intermediaries.domain.SealedQuote;

/**
 * Quotes sealed at rest (比价选取 报价密封): a sealed quote opens only under its request's key, for its request and its
 * intermediary; altered, moved or replayed elsewhere it does not; its length tells nothing of the amount.
 */
class SealedQuoteTest {

    private static final UUID REQUEST = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID FIRM_A = UUID.fromString("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa");
    private static final UUID FIRM_B = UUID.fromString("bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb");

    @Test
    void opensUnderItsKeyForItsRequestAndIntermediary() {
        byte[] key = Sm4Gcm.newKey();
        byte[] sealed = SealedQuote.seal(key, REQUEST, FIRM_A, new BigDecimal("623417.5"));
        assertThat(SealedQuote.open(key, REQUEST, FIRM_A, sealed)).hasValue(new BigDecimal("623417.50"));
        assertThat(SealedQuote.commitment(sealed)).isEqualTo(Sm3.hex(sealed)).hasSize(64);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("623417");
    }

    @Test
    void movedToAnotherIntermediaryOrRequest_orAltered_orUnderAnotherKey_doesNotOpen() {
        byte[] key = Sm4Gcm.newKey();
        byte[] sealed = SealedQuote.seal(key, REQUEST, FIRM_A, new BigDecimal("100.00"));
        assertThat(SealedQuote.open(key, REQUEST, FIRM_B, sealed)).as("swapped to another firm's row").isEmpty();
        assertThat(SealedQuote.open(key, UUID.randomUUID(), FIRM_A, sealed)).as("moved to another request").isEmpty();
        assertThat(SealedQuote.open(Sm4Gcm.newKey(), REQUEST, FIRM_A, sealed)).as("another request's key").isEmpty();
        for (int i = 0; i < sealed.length; i++) {
            byte[] edited = sealed.clone();
            edited[i] ^= 0x01;
            assertThat(SealedQuote.open(key, REQUEST, FIRM_A, edited)).as("bit flipped at %d", i).isEmpty();
        }
        assertThat(SealedQuote.open(key, REQUEST, FIRM_A, java.util.Arrays.copyOf(sealed, sealed.length - 1))).isEmpty();
        assertThat(SealedQuote.open(key, REQUEST, FIRM_A, null)).isEmpty();
    }

    @Test
    void everySealedQuoteHasTheSameLength_soTheLengthTellsNothing() {
        byte[] key = Sm4Gcm.newKey();
        assertThat(SealedQuote.seal(key, REQUEST, FIRM_A, new BigDecimal("1")).length)
                .isEqualTo(SealedQuote.seal(key, REQUEST, FIRM_A, new BigDecimal("9999999999999999.99")).length)
                .isEqualTo(SealedQuote.LENGTH);
        // a fresh nonce each time: the same amount sealed twice does not compare equal
        assertThat(SealedQuote.seal(key, REQUEST, FIRM_A, BigDecimal.TEN)).isNotEqualTo(SealedQuote.seal(key, REQUEST, FIRM_A, BigDecimal.TEN));
    }

    @Test
    void onlyPositiveAmountsWithTwoDecimalsAreSealed() {
        byte[] key = Sm4Gcm.newKey();
        assertThatThrownBy(() -> SealedQuote.seal(key, REQUEST, FIRM_A, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealedQuote.seal(key, REQUEST, FIRM_A, new BigDecimal("1.001")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
