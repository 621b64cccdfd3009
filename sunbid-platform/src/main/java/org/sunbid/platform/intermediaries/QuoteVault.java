package org.sunbid.platform.intermediaries;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.KeyVault;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The intermediaries' quote vault (data/keys/intermediary-quotes.key, never in the database): each lowest-quote
 * request's own SM4 quote key is stored in the database only wrapped under it, bound to the request. Whoever holds only
 * the database (an administrator, a dump, a backup) opens no quote before the opening, which then publishes the key.
 */
@Component
class QuoteVault extends KeyVault {

    QuoteVault(SunbidProperties properties) {
        super(properties.dataDir().resolve("keys").resolve("intermediary-quotes.key"), "intermediary quote");
    }

    /** The request's quote key as the database keeps it. */
    byte[] wrap(UUID requestId, byte[] quoteKey) {
        return seal(quoteKey, context(requestId));
    }

    /** The request's quote key (throws if the wrapped key was altered or moved from another request). */
    byte[] unwrap(UUID requestId, byte[] wrapped) {
        return open(wrapped, context(requestId));
    }

    private static String context(UUID requestId) {
        return "intermediary-quote-key|" + requestId;
    }
}
