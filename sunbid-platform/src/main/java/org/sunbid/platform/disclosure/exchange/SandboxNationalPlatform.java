package org.sunbid.platform.disclosure.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox national platform: an in-process receiving side standing in for the national platform's interface
 * (as the sandbox bank stands in for banks). It keeps what it received in its own table, each record once per content
 * (record id + content SM3: a record sent again is counted a duplicate, not stored twice), in its own transaction (it
 * is another system), and answers with a hashed receipt carrying its own id and time. It can be told to fail the next
 * N batches, as a real interface fails.
 */
@Component
class SandboxNationalPlatform implements NationalPlatform {

    /** The receiving side's id on the receipts. */
    static final String RECEIVER_ID = "SANDBOX-NATIONAL-GGZY";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate own;
    private final AtomicInteger failures = new AtomicInteger();

    SandboxNationalPlatform(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next {@code n} batches fail (the interface is down), for tests and demonstrations. */
    void failNext(int n) {
        failures.set(n);
    }

    @Override
    public Receipt send(Batch batch) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("sandbox national platform unavailable (told to fail)");
        }
        return own.execute(s -> {
            Instant now = clock.instant();
            UUID receiptId = UUID.randomUUID();
            int accepted = 0;
            for (ExchangeRecord r : batch.records()) {
                accepted += jdbc.sql("""
                        INSERT INTO exchange_sandbox_record (record_id, content_sm3, dataset, deal_code, payload, received_at,
                                                             receipt_id)
                        VALUES (:id, :sm3, :dataset, :deal, :payload, :now, :receipt)
                        ON CONFLICT (record_id, content_sm3) DO NOTHING""")
                        .param("id", r.recordId()).param("sm3", r.contentSm3()).param("dataset", r.dataset())
                        .param("deal", r.dealCode()).param("payload", r.payload())
                        .param("now", now.atOffset(ZoneOffset.UTC)).param("receipt", receiptId).update();
            }
            int records = batch.records().size();
            String batchSm3 = batch.sm3();
            return new Receipt(receiptId, RECEIVER_ID, now, batchSm3, records, accepted, records - accepted,
                    Receipt.hash(receiptId, RECEIVER_ID, now, batchSm3, records, accepted, records - accepted));
        });
    }

    /** How many records the sandbox holds (each record id + content once), for the tests. */
    long held() {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_sandbox_record").query(Long.class).single();
    }

    /** When the sandbox first received record {@code recordId} with content {@code sm3}, or null. */
    OffsetDateTime receivedAt(String recordId, String sm3) {
        return jdbc.sql("SELECT received_at FROM exchange_sandbox_record WHERE record_id = :id AND content_sm3 = :sm3")
                .param("id", recordId).param("sm3", sm3).query(OffsetDateTime.class).optional().orElse(null);
    }
}
