package org.sunbid.platform.sealing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tender's (a lot's) bids were opened: the platform-signed opening record is complete. Carries what the evaluation
 * needs, so no other context reads the record's JSON: every bid the record lists (opened with its price sheet and
 * decrypted file names, or rejected with the reason), in the record's order, and the SM3 of the signed record (from
 * which the evaluation draws K).
 *
 * @param tenderId  the tender (lot) opened
 * @param recordSm3 lowercase hex SM3 of the canonical opening record's UTF-8 bytes, as signed
 * @param openedAt  when the record was completed
 * @param bids      the bids as the record lists them
 */
public record BidsOpened(UUID tenderId, String recordSm3, Instant openedAt, List<OpenedBid> bids) {

    public BidsOpened {
        bids = List.copyOf(bids);
    }
}
