package org.sunbid.platform.disclosure.exchange;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.sunbid.platform.auction.ReserveOpened;
import org.sunbid.platform.evaluation.LotAwarded;
import org.sunbid.platform.evaluation.PublicityStarted;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.tendering.TenderPublished;

/**
 * Queues a lot's public records after the owning context's event committed (through the event publication registry:
 * a crash never loses one): the notice at publication, the opening record once opened, the candidates and the result
 * at the award, an auction lot's deal result once its reserve was opened. Queuing is idempotent (record id + content
 * SM3), so an event handled twice queues nothing twice.
 */
@Component
class ExchangeListeners {

    /** How long the reserve's listener waits for auction to record the result it computes from the same event. */
    private static final Duration RESULT_WAIT = Duration.ofSeconds(5);

    private final Exporter exporter;
    private final Outbox outbox;

    ExchangeListeners(Exporter exporter, Outbox outbox) {
        this.exporter = exporter;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(TenderPublished e) {
        queue(e.tenderId());
    }

    @ApplicationModuleListener
    void on(BidsOpened e) {
        queue(e.tenderId());
    }

    @ApplicationModuleListener
    void on(LotAwarded e) {
        queue(e.tenderId());
    }

    /** The candidates' publicity (Reg. 54) has no other event: without this it would wait for the next one. */
    @ApplicationModuleListener
    void on(PublicityStarted e) {
        queue(e.tenderId());
    }

    /**
     * The deal result is recorded by auction's own listener of the same event, which may not have run yet: wait a
     * little for it, then fail (the registry resubmits a failed publication later, so the record is not lost).
     */
    @ApplicationModuleListener
    void on(ReserveOpened e) throws InterruptedException {
        long until = System.nanoTime() + RESULT_WAIT.toNanos();
        while (true) {
            List<ExchangeRecord> records = exporter.ofLot(e.lotId());
            if (records.stream().anyMatch(r -> r.dataset().endsWith("_DEAL_RESULT"))) {
                outbox.queue(records, "event");
                return;
            }
            if (System.nanoTime() > until) {
                outbox.queue(records, "event");
                throw new IllegalStateException("lot " + e.lotId() + ": no auction result recorded yet; tried again later");
            }
            Thread.sleep(100);
        }
    }

    private void queue(UUID lotId) {
        outbox.queue(exporter.ofLot(lotId), "event");
    }
}
