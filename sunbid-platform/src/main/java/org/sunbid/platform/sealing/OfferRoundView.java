package org.sunbid.platform.sealing;

import java.time.Instant;
import java.util.UUID;

/**
 * A round of sealed offers (a negotiation's final offers, 最后报价, or a competition round), as anyone may see it. Before opening it says nothing about prices, nor how
 * many offers are in or from whom — only whether every supplier of the round has offered ({@code allIn}); the round's
 * key (public key, hash, threshold, the log entry of its creation) is public, so the custodians and outsiders can check
 * it. Once opened, the platform-signed round record (every supplier of the round: its offer opened, rejected, or none).
 *
 * @param lotId          the lot (tender)
 * @param round          the round number, from 1
 * @param deadline       offers strictly before this instant
 * @param status         OPEN or OPENED
 * @param allIn          whether every supplier of the round has an offer in
 * @param due            whether the round may be opened now (all in, or the deadline passed)
 * @param sharesReleased how many custodians have released their share of the round's key
 * @param threshold      how many shares rebuild the key
 * @param publicKeyPem   the round's opening key
 * @param keySm3         its SM3 (the envelope header names it)
 * @param createdLogSeq  the public log entry of the key's creation
 * @param openedAt       when the offers were opened, or null
 * @param record         the canonical JSON round record, or null before opening
 * @param recordSignature the platform's signature (SM3withSM2, base64) of the record, or null
 * @param kind           NEGOTIATION (a negotiation's final offers) or COMPETITION (another context's round, issue 22)
 * @param purpose        a competition round's purpose as its owner named it (e.g. {@code framework-order:<id>}), else null
 */
public record OfferRoundView(UUID lotId, int round, Instant deadline, String status, boolean allIn, boolean due,
        int sharesReleased, int threshold, String publicKeyPem, String keySm3, long createdLogSeq, Instant openedAt,
        String record, String recordSignature, String kind, String purpose) {
}
