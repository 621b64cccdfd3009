package org.sunbid.platform.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.parties.CurrentUser;

/**
 * The national data exchange (全国公共资源交易平台数据交换, issue 18) for centre staff and administrators: replay the
 * records of everything public since a Beijing date (the same replay always rebuilds the same records), the receipts
 * the national platform returned, and where the outbox stands. Anyone else: {@code FORBIDDEN}. Implemented in
 * {@code disclosure.exchange}.
 */
public interface NationalExchange {

    /** Rebuilds and sends again the records of everything public since {@code from} (Beijing date). */
    Replay replay(LocalDate from, CurrentUser user);

    /** The stored receipts, newest first, at most {@code limit}. */
    List<Receipt> receipts(CurrentUser user, int limit);

    /** Where the outbox stands. */
    Status status(CurrentUser user);

    /**
     * A replay done.
     *
     * @param records      how many records it rebuilt
     * @param recordsSm3   SM3 of their "recordId contentSm3" lines in record-id order (equal for equal replays)
     * @param deliveredNow how many were delivered at once (the rest by the scheduled sender)
     */
    record Replay(UUID id, LocalDate from, Instant requestedAt, int records, String recordsSm3, int deliveredNow,
            List<RecordRef> items) {
    }

    /** A rebuilt record: its stable id, dataset, deal code (统一交易标识码) and content SM3. */
    record RecordRef(String recordId, String dataset, String dealCode, String contentSm3) {
    }

    /**
     * A receipt from the national platform: its id, the receiving side's id and time, the batch's SM3, how many records,
     * how many new there and how many it already held, its hash, when it was stored here.
     */
    record Receipt(UUID id, String receiverId, Instant receivedAt, String batchSm3, int records, int accepted,
            int duplicates, String receiptSm3, Instant storedAt) {
    }

    /** The outbox: records delivered, waiting, and waiting after a failed attempt (with the last error). */
    record Status(String dataSpec, long delivered, long waiting, long retrying, String lastError) {
    }
}
