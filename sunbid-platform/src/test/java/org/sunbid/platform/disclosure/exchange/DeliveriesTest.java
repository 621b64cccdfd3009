package org.sunbid.platform.disclosure.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The outbox's delivery: retry with backoff, at-least-once, the receiving side holding each record once. */
class DeliveriesTest {

    static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z");

    /** A receiving side as the port's contract asks: deduplicates by record id + content SM3; can fail N times. */
    static final class ReceivingSide implements NationalPlatform {
        final Set<String> held = new HashSet<>();
        final List<Integer> batches = new ArrayList<>();
        int failures;

        @Override
        public Receipt send(Batch batch) {
            batches.add(batch.records().size());
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("down");
            }
            int accepted = 0;
            for (ExchangeRecord r : batch.records()) {
                accepted += held.add(r.recordId() + " " + r.contentSm3()) ? 1 : 0;
            }
            UUID id = UUID.randomUUID();
            int n = batch.records().size();
            return new Receipt(id, "TEST", NOW, batch.sm3(), n, accepted, n - accepted,
                    Receipt.hash(id, "TEST", NOW, batch.sm3(), n, accepted, n - accepted));
        }
    }

    static List<Deliveries.Pending> pending(int attempts, String... payloads) {
        List<Deliveries.Pending> out = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            out.add(new Deliveries.Pending(ExchangeRecord.of("GCJS_NOTICE", "L" + i, "GCJS-1", payloads[i], NOW), attempts));
        }
        return out;
    }

    @Test
    void backoffDoublesFromTheFirstDelayUpToItsCap() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertThat(List.of(b.delay(1), b.delay(2), b.delay(3), b.delay(4), b.delay(5), b.delay(40))).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(5), Duration.ofMinutes(5));
        assertThat(b.next(2, NOW)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aFailedBatchIsRetriedWithBackoffAndDeliveredOnceTheSideIsUp() {
        ReceivingSide side = new ReceivingSide();
        side.failures = 2;
        List<Deliveries.Pending> due = pending(0, "{\"a\":1}", "{\"a\":2}");
        Deliveries.Outcome first = Deliveries.attempt(due, side, Backoff.DEFAULT, NOW);
        assertThat(first).isInstanceOf(Deliveries.Failed.class);
        List<Deliveries.Retry> retries = ((Deliveries.Failed) first).retries();
        assertThat(retries).extracting(Deliveries.Retry::attempts).containsOnly(1);
        assertThat(retries).extracting(Deliveries.Retry::nextAttemptAt).containsOnly(NOW.plusSeconds(30));

        Deliveries.Outcome second = Deliveries.attempt(pending(1, "{\"a\":1}", "{\"a\":2}"), side, Backoff.DEFAULT, NOW);
        assertThat(((Deliveries.Failed) second).retries()).extracting(Deliveries.Retry::nextAttemptAt)
                .containsOnly(NOW.plusSeconds(60));

        Deliveries.Outcome third = Deliveries.attempt(pending(2, "{\"a\":1}", "{\"a\":2}"), side, Backoff.DEFAULT, NOW);
        assertThat(third).isInstanceOf(Deliveries.Delivered.class);
        assertThat(((Deliveries.Delivered) third).receipt().accepted()).isEqualTo(2);
        assertThat(side.held).hasSize(2);
        assertThat(side.batches).containsExactly(2, 2, 2);
    }

    @Test
    void sendingTheSameRecordsAgainLeavesOneCopyAtTheReceivingSideAndTheReceiptCountsTheDuplicates() {
        ReceivingSide side = new ReceivingSide();
        Deliveries.attempt(pending(0, "{\"a\":1}", "{\"a\":2}"), side, Backoff.DEFAULT, NOW);
        Deliveries.Delivered again = (Deliveries.Delivered) Deliveries.attempt(pending(0, "{\"a\":1}", "{\"a\":2}"), side,
                Backoff.DEFAULT, NOW);
        assertThat(again.receipt().duplicates()).isEqualTo(2);
        assertThat(again.receipt().accepted()).isZero();
        assertThat(side.held).hasSize(2);
        // a changed content is a new version of the same record, held besides the old one
        Deliveries.attempt(pending(0, "{\"a\":3}"), side, Backoff.DEFAULT, NOW);
        assertThat(side.held).hasSize(3);
    }

    @Test
    void aReceiptThatDoesNotAcknowledgeThisBatchIsAFailedAttempt() {
        NationalPlatform liar = batch -> {
            UUID id = UUID.randomUUID();
            return new NationalPlatform.Receipt(id, "X", NOW, "00".repeat(32), 1, 1, 0,
                    NationalPlatform.Receipt.hash(id, "X", NOW, "00".repeat(32), 1, 1, 0));
        };
        assertThat(Deliveries.attempt(pending(0, "{}"), liar, Backoff.DEFAULT, NOW)).isInstanceOf(Deliveries.Failed.class);
        NationalPlatform tampered = batch -> {
            UUID id = UUID.randomUUID();
            return new NationalPlatform.Receipt(id, "X", NOW, batch.sm3(), 1, 1, 0, "ff".repeat(32));
        };
        assertThat(Deliveries.attempt(pending(0, "{}"), tampered, Backoff.DEFAULT, NOW))
                .isInstanceOf(Deliveries.Failed.class);
    }
}
