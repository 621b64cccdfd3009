package org.sunbid.platform.procurement.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.crypto.Sm3;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.FrameworkError;

/**
 * A sealed offer of a secondary competition (二次竞价): before the deadline the supplier gives only the SM3 commitment
 * of {@code orderId|supplierId|price|nonce}; after it, the price and the nonce, which must hash to the commitment. The
 * lowest revealed price wins, the earlier commitment breaking a tie; an offer not revealed, or above the supplier's own
 * agreement price, takes no part.
 *
 * @param supplierId  the supplier
 * @param commitment  the SM3 hex of the sealed text
 * @param committedAt when the commitment arrived
 * @param price       the revealed price (null until revealed)
 */
public record SealedOffer(UUID supplierId, String commitment, Instant committedAt, BigDecimal price) {

    /** The text a supplier hashes (and reveals): the order, itself, the price with two decimals, its nonce. */
    public static String sealedText(UUID orderId, UUID supplierId, BigDecimal price, String nonce) {
        return orderId + "|" + supplierId + "|" + price.setScale(2).toPlainString() + "|" + nonce;
    }

    /** Checks a commitment's form: 64 lower-case hex characters. */
    public static String checkCommitment(String commitment) {
        if (commitment == null || !commitment.matches("[0-9a-f]{64}")) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "commitment: the SM3 hex of the sealed text");
        }
        return commitment;
    }

    /** Checks a reveal against {@code commitment}; refused if it does not hash to it. */
    public static void checkReveal(String commitment, UUID orderId, UUID supplierId, BigDecimal price, String nonce) {
        if (price == null || price.signum() <= 0 || price.scale() > 2 || nonce == null || nonce.isBlank() || nonce.length() > 128) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "price and nonce");
        }
        if (!Sm3.hex(sealedText(orderId, supplierId, price, nonce)).equals(commitment)) {
            throw new DomainException(FrameworkError.FRAMEWORK_OFFER_MISMATCH);
        }
    }

    /** The winner among {@code offers}: the lowest revealed price within {@code ceilings} (each supplier's agreement price). */
    public static Optional<SealedOffer> winner(List<SealedOffer> offers, java.util.Map<UUID, BigDecimal> ceilings) {
        return offers.stream()
                .filter(o -> o.price() != null && ceilings.containsKey(o.supplierId())
                        && o.price().compareTo(ceilings.get(o.supplierId())) <= 0)
                .min(Comparator.comparing(SealedOffer::price).thenComparing(SealedOffer::committedAt));
    }
}
