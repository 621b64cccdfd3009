package org.sunbid.platform.sealing;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a tender's opening stands: awaiting shares (with how many of how many are in), opened with its signed record,
 * or failed for too few bids (Law 28). The record is canonical JSON signed by the platform (base64 SM3withSM2). While
 * the envelopes are being opened (OPENING), {@code envelopesOpened} of {@code envelopesTotal} are done (null otherwise).
 */
public record OpeningView(UUID tenderId, String status, int validEnvelopes, int sharesReleased, int threshold,
        Instant closedAt, Instant openedAt, String record, String recordSignature, java.util.List<Response> responses,
        Integer envelopesOpened, Integer envelopesTotal) {

    /** A bidder's response to the opening record: confirmed, or an objection with the tenderee's answer. */
    public record Response(UUID bidderId, String bidder, String response, String objection, Instant respondedAt, String answer,
            Instant answeredAt) {
    }
}
