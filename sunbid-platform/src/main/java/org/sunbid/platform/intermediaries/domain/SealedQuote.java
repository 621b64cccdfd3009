package org.sunbid.platform.intermediaries.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.Sm4Gcm;

/**
 * A quote sealed at rest until the deadline (比价选取 报价密封): the amount under the request's own SM4-GCM quote key,
 * bound to the request and the quoting intermediary as associated data, so a ciphertext moved to another firm's row or
 * another request, or altered, does not open. Its commitment is the SM3 of the sealed bytes; the log carries only that,
 * and the opening publishes the key, so anyone can re-open every committed quote.
 *
 * <p>Format (hex in the opening record): nonce (12) ‖ ciphertext ‖ tag (16); the plaintext is the amount with two
 * decimals, left-padded with spaces to {@link #PLAIN_LENGTH} ASCII bytes so every sealed quote has the same length
 * (the length of the ciphertext would otherwise tell the number of digits). The associated data is the UTF-8 of
 * {@code sunbid/intermediary-quote/v1|<request id>|<organisation id>}.
 */
public final class SealedQuote {

    /** The padded plaintext's length: NUMERIC(18,2) has at most 19 characters. */
    public static final int PLAIN_LENGTH = 24;
    /** Every sealed quote's length in bytes. */
    public static final int LENGTH = Sm4Gcm.NONCE_LENGTH + PLAIN_LENGTH + 16;

    private SealedQuote() {
    }

    /** The associated data binding a sealed quote to its request and intermediary. */
    public static byte[] associatedData(UUID requestId, UUID organisationId) {
        return ("sunbid/intermediary-quote/v1|" + requestId + "|" + organisationId).getBytes(StandardCharsets.UTF_8);
    }

    /** Seals {@code amount} (positive, at most two decimals) under {@code key} for this request and intermediary. */
    public static byte[] seal(byte[] key, UUID requestId, UUID organisationId, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("a quote is a positive amount with at most two decimals");
        }
        String text = amount.setScale(2).toPlainString();
        if (text.length() > PLAIN_LENGTH) {
            throw new IllegalArgumentException("amount too large");
        }
        byte[] plain = (" ".repeat(PLAIN_LENGTH - text.length()) + text).getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = Sm4Gcm.newNonce();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(nonce);
        try (OutputStream enc = Sm4Gcm.encrypting(out, key, nonce, associatedData(requestId, organisationId))) {
            enc.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The commitment (SM3 hex) of a sealed quote: what the log carries before the opening. */
    public static String commitment(byte[] sealed) {
        return Sm3.hex(sealed);
    }

    /**
     * Opens a sealed quote: the amount, or empty if it does not open under this key for this request and intermediary
     * (altered, moved from another row, or not a quote at all).
     */
    public static Optional<BigDecimal> open(byte[] key, UUID requestId, UUID organisationId, byte[] sealed) {
        if (sealed == null || sealed.length != LENGTH) {
            return Optional.empty();
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 0, Sm4Gcm.NONCE_LENGTH);
        try (InputStream in = Sm4Gcm.decrypting(new ByteArrayInputStream(sealed, Sm4Gcm.NONCE_LENGTH,
                sealed.length - Sm4Gcm.NONCE_LENGTH), key, nonce, associatedData(requestId, organisationId))) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!text.matches("[0-9]{1,16}\\.[0-9]{2}")) {
                return Optional.empty();
            }
            BigDecimal amount = new BigDecimal(text);
            return amount.signum() > 0 ? Optional.of(amount) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
