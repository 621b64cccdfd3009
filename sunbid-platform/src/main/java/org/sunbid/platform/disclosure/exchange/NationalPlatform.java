package org.sunbid.platform.disclosure.exchange;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.sunbid.crypto.Sm3;

/**
 * The port to the national public resource trading platform (全国公共资源交易平台): it takes a batch of dataset records
 * and answers with a receipt, or throws when the batch was not taken (then the whole batch is sent again later). The
 * receiving side must hold each record once per content: the same record id with the same content SM3 sent twice is a
 * duplicate, not a second record.
 */
interface NationalPlatform {

    /** Sends {@code batch}; its receipt, or an exception when it was not received. */
    Receipt send(Batch batch);

    /** A batch of records. */
    record Batch(List<ExchangeRecord> records) {

        public Batch {
            records = List.copyOf(records);
        }

        /** SM3 of the batch's "recordId contentSm3" lines in record-id order: the same records give the same value. */
        String sm3() {
            StringBuilder lines = new StringBuilder();
            records.stream().sorted(Comparator.comparing(ExchangeRecord::recordId).thenComparing(ExchangeRecord::contentSm3))
                    .forEach(r -> lines.append(r.recordId()).append(' ').append(r.contentSm3()).append('\n'));
            return Sm3.hex(lines.toString());
        }
    }

    /**
     * What the receiving side returned: its receipt id, its own id, when it received the batch, the batch's SM3, how
     * many records it took as new and how many it already held, and its hash over all of these.
     */
    record Receipt(UUID id, String receiverId, Instant receivedAt, String batchSm3, int records, int accepted,
            int duplicates, String receiptSm3) {

        /** The hash a receipt carries over its fields (what the receiving side computes and anyone can recompute). */
        static String hash(UUID id, String receiverId, Instant receivedAt, String batchSm3, int records, int accepted,
                int duplicates) {
            return Sm3.hex(id + "|" + receiverId + "|" + receivedAt + "|" + batchSm3 + "|" + records + "|" + accepted + "|"
                    + duplicates);
        }

        /** Whether the receipt's hash is the one its fields give. */
        boolean intact() {
            return receiptSm3.equals(hash(id, receiverId, receivedAt, batchSm3, records, accepted, duplicates));
        }
    }
}
