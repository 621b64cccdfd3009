package org.sunbid.platform.disclosure.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.disclosure.NationalExchange;

/**
 * The exchange's outbox: records queued after the owning context's commit (or again by a replay), sent in batches by
 * a scheduled sender ({@code sunbid.exchange.send-interval}) with retries and backoff ({@link Deliveries}); the
 * receipts are stored. Concurrent senders never take the same entries (row locks, SKIP LOCKED).
 */
@Component("exchangeOutbox")
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NationalPlatform platform;
    private final TransactionTemplate tx;
    private final Backoff backoff = Backoff.DEFAULT;

    Outbox(JdbcClient jdbc, Clock clock, NationalPlatform platform, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.platform = platform;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Queues each record not queued before with the same content; how many were new. */
    int queue(List<ExchangeRecord> records, String by) {
        return upsert(records, by, false);
    }

    /** Queues each record again for delivery, delivered before or not (a replay); how many rows. */
    int requeue(List<ExchangeRecord> records, String by) {
        return upsert(records, by, true);
    }

    private static final String QUEUE = """
            INSERT INTO exchange_outbox (record_id, content_sm3, dataset, deal_code, payload, published_at, queued_at, queued_by,
                                         next_attempt_at, changed_at)
            VALUES (:id, :sm3, :dataset, :deal, :payload, :published, :now, :by, :now, :now)
            ON CONFLICT (record_id, content_sm3) DO NOTHING""";

    private static final String REQUEUE = """
            INSERT INTO exchange_outbox (record_id, content_sm3, dataset, deal_code, payload, published_at, queued_at, queued_by,
                                         next_attempt_at, changed_at)
            VALUES (:id, :sm3, :dataset, :deal, :payload, :published, :now, :by, :now, :now)
            ON CONFLICT (record_id, content_sm3) DO UPDATE SET delivered_at = NULL, receipt_id = NULL, attempts = 0,
                next_attempt_at = :now, queued_at = :now, queued_by = :by, last_error = NULL, changed_at = :now""";

    private int upsert(List<ExchangeRecord> records, String by, boolean again) {
        Instant now = clock.instant();
        int n = 0;
        for (ExchangeRecord r : records) {
            n += jdbc.sql(again ? REQUEUE : QUEUE)
                    .param("id", r.recordId()).param("sm3", r.contentSm3()).param("dataset", r.dataset())
                    .param("deal", r.dealCode()).param("payload", r.payload()).param("published", ts(r.publishedAt()))
                    .param("now", ts(now)).param("by", by).update();
        }
        return n;
    }

    /** Sends every due entry, batch after batch, until none is due or an attempt fails; how many were delivered. */
    @Scheduled(initialDelayString = "${sunbid.exchange.send-interval:PT30S}",
            fixedDelayString = "${sunbid.exchange.send-interval:PT30S}")
    int sendDue() {
        int delivered = 0;
        while (true) {
            Integer n = tx.execute(s -> sendOneBatch());
            if (n == null || n <= 0) {
                return delivered;
            }
            delivered += n;
        }
    }

    /** One batch: the number delivered, 0 when none was due, -1 when the attempt failed. */
    private int sendOneBatch() {
        Instant now = clock.instant();
        List<Deliveries.Pending> due = jdbc.sql("""
                SELECT record_id, content_sm3, dataset, deal_code, payload, published_at, attempts FROM exchange_outbox
                WHERE delivered_at IS NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at, record_id, content_sm3 LIMIT :n FOR UPDATE SKIP LOCKED""")
                .param("now", ts(now)).param("n", BATCH)
                .query((rs, i) -> new Deliveries.Pending(new ExchangeRecord(rs.getString(1), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(2),
                        rs.getObject(6, OffsetDateTime.class).toInstant()), rs.getInt(7)))
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        Deliveries.Outcome outcome = Deliveries.attempt(due, platform, backoff, now);
        if (outcome instanceof Deliveries.Delivered d) {
            NationalPlatform.Receipt r = d.receipt();
            jdbc.sql("""
                    INSERT INTO exchange_receipt (id, receiver_id, received_at, batch_sm3, records, accepted, duplicates,
                                                  receipt_sm3, stored_at)
                    VALUES (:id, :receiver, :received, :batch, :records, :accepted, :duplicates, :sm3, :now)""")
                    .param("id", r.id()).param("receiver", r.receiverId()).param("received", ts(r.receivedAt()))
                    .param("batch", r.batchSm3()).param("records", r.records()).param("accepted", r.accepted())
                    .param("duplicates", r.duplicates()).param("sm3", r.receiptSm3()).param("now", ts(now)).update();
            for (Deliveries.Pending p : d.entries()) {
                jdbc.sql("""
                        UPDATE exchange_outbox SET delivered_at = :now, receipt_id = :receipt, attempts = attempts + 1,
                                                   last_error = NULL, changed_at = :now
                        WHERE record_id = :id AND content_sm3 = :sm3""")
                        .param("now", ts(now)).param("receipt", r.id()).param("id", p.record().recordId())
                        .param("sm3", p.record().contentSm3()).update();
            }
            return due.size();
        }
        Deliveries.Failed f = (Deliveries.Failed) outcome;
        log.warn("national exchange: a batch of {} records was not received, tried again later: {}", due.size(), f.error());
        for (Deliveries.Retry retry : f.retries()) {
            jdbc.sql("""
                    UPDATE exchange_outbox SET attempts = :attempts, next_attempt_at = :next, last_error = :error,
                                               changed_at = :now
                    WHERE record_id = :id AND content_sm3 = :sm3""")
                    .param("attempts", retry.attempts()).param("next", ts(retry.nextAttemptAt())).param("error", f.error())
                    .param("now", ts(now)).param("id", retry.record().recordId()).param("sm3", retry.record().contentSm3())
                    .update();
        }
        return -1;
    }

    /** The stored receipts, newest first (at most {@code limit}). */
    List<NationalExchange.Receipt> receipts(int limit) {
        return jdbc.sql("""
                SELECT id, receiver_id, received_at, batch_sm3, records, accepted, duplicates, receipt_sm3, stored_at
                FROM exchange_receipt ORDER BY stored_at DESC, received_at DESC, id LIMIT :n""").param("n", limit)
                .query((rs, i) -> new NationalExchange.Receipt(rs.getObject(1, java.util.UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Where the outbox stands. */
    NationalExchange.Status status() {
        return jdbc.sql("""
                SELECT COUNT(*) FILTER (WHERE delivered_at IS NOT NULL),
                       COUNT(*) FILTER (WHERE delivered_at IS NULL AND attempts = 0),
                       COUNT(*) FILTER (WHERE delivered_at IS NULL AND attempts > 0),
                       (SELECT last_error FROM exchange_outbox WHERE delivered_at IS NULL AND last_error IS NOT NULL
                        ORDER BY changed_at DESC LIMIT 1)
                FROM exchange_outbox""")
                .query((rs, i) -> new NationalExchange.Status(DataSpec.DATA_SPEC, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4))).single();
    }

    private static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
