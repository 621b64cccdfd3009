package org.sunbid.platform.disclosure.exchange;

import java.time.Instant;
import java.util.List;

/**
 * One delivery attempt of a batch of due outbox entries, as plain Java: the batch is sent through the port; the
 * receipt is accepted only when it is intact and acknowledges exactly this batch (its SM3 and size), otherwise — or
 * when the port throws — the attempt failed and each entry gets its next attempt time from the {@link Backoff}
 * (at-least-once: nothing is dropped; the receiving side deduplicates by record id and content SM3).
 */
final class Deliveries {

    private Deliveries() {
    }

    /** An outbox entry due for delivery and how many attempts it has had. */
    record Pending(ExchangeRecord record, int attempts) {
    }

    /** What became of an attempt. */
    sealed interface Outcome permits Delivered, Failed {
    }

    /** The batch was received: the receipt to store, every entry delivered under it. */
    record Delivered(NationalPlatform.Receipt receipt, List<Pending> entries) implements Outcome {
    }

    /** The batch was not received: why, and each entry's next attempt. */
    record Failed(String error, List<Retry> retries) implements Outcome {
    }

    /** An entry to try again: its new attempt count and when. */
    record Retry(ExchangeRecord record, int attempts, Instant nextAttemptAt) {
    }

    /** Sends {@code due} through {@code platform} at {@code now}. */
    static Outcome attempt(List<Pending> due, NationalPlatform platform, Backoff backoff, Instant now) {
        NationalPlatform.Batch batch = new NationalPlatform.Batch(due.stream().map(Pending::record).toList());
        String error;
        try {
            NationalPlatform.Receipt receipt = platform.send(batch);
            if (receipt != null && receipt.intact() && receipt.batchSm3().equals(batch.sm3())
                    && receipt.records() == due.size() && receipt.accepted() + receipt.duplicates() == due.size()) {
                return new Delivered(receipt, List.copyOf(due));
            }
            error = "receipt does not acknowledge this batch: " + receipt;
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (error.length() > 500) {
            error = error.substring(0, 500);
        }
        return new Failed(error, due.stream()
                .map(p -> new Retry(p.record(), p.attempts() + 1, backoff.next(p.attempts() + 1, now))).toList());
    }
}
