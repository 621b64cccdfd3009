package org.sunbid.platform.mall;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.crypto.Sm4Gcm;
import org.sunbid.platform.kernel.KeyVault;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The mall's bid key (data/keys/mall-bids.key, never in the database): each reverse-auction bid and group-purchase
 * quote amount is stored SM4-GCM encrypted under a key derived for its competition alone (the vault's keyed SM3 of the
 * competition's id), so that whoever holds only the database (a database administrator, a backup) reads no amount
 * before the close. The ciphertext is bound to its row (the offer's id, supplier and listing): one moved to another row
 * does not open, and the close fails rather than pick a winner from it. The platform opens a supplier's own amounts for
 * that supplier (its bids, its next limit) and everyone's at the close.
 */
@Component
class BidVault extends KeyVault {

    BidVault(SunbidProperties properties) {
        super(properties.dataDir().resolve("keys").resolve("mall-bids.key"), "mall bid");
    }

    /** The competition's own SM4 key: the first 128 bits of the vault's keyed SM3 of its id. */
    private byte[] keyFor(UUID competitionId) {
        return Arrays.copyOf(HexFormat.of().parseHex(index("mall-bid-key|" + competitionId)), Sm4Gcm.KEY_LENGTH);
    }

    private static byte[] bound(UUID offerId, UUID supplierId, UUID listingId) {
        return ("mall-bid|" + offerId + "|" + supplierId + "|" + listingId).getBytes(StandardCharsets.UTF_8);
    }

    /** Every amount is sealed as text of this many characters, so that the ciphertext's length tells nothing of it. */
    private static final int PADDED = 40;

    /** The sealed amount: nonce ‖ ciphertext ‖ tag of its plain decimal text, padded on the left to {@link #PADDED}. */
    byte[] seal(UUID competitionId, UUID offerId, UUID supplierId, UUID listingId, BigDecimal amount) {
        byte[] nonce = Sm4Gcm.newNonce();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(nonce);
        try (OutputStream enc = Sm4Gcm.encrypting(out, keyFor(competitionId), nonce, bound(offerId, supplierId, listingId))) {
            String text = amount.toPlainString();
            if (text.length() > PADDED) {
                throw new IllegalArgumentException("an amount of more than " + PADDED + " characters");
            }
            enc.write(" ".repeat(PADDED - text.length()).concat(text).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The amount {@link #seal} sealed for this row; an altered or moved ciphertext throws. */
    BigDecimal open(UUID competitionId, UUID offerId, UUID supplierId, UUID listingId, byte[] sealed) {
        byte[] nonce = Arrays.copyOfRange(sealed, 0, Sm4Gcm.NONCE_LENGTH);
        try (InputStream in = Sm4Gcm.decrypting(new ByteArrayInputStream(sealed, Sm4Gcm.NONCE_LENGTH, sealed.length - Sm4Gcm.NONCE_LENGTH),
                keyFor(competitionId), nonce, bound(offerId, supplierId, listingId))) {
            return new BigDecimal(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new IllegalStateException("a sealed mall bid " + offerId + " does not open: altered or moved", e);
        }
    }
}
