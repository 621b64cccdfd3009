package org.sunbid.platform.sealing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.ReceiptBatch;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.domain.EnvelopeStatus;
import org.sunbid.platform.sealing.domain.SealedBid;

/**
 * Stores sealed bids append-only: an envelope as received is a row of {@code bid_envelope_received} that never
 * changes; that it was replaced or withdrawn is a second row, written once, in {@code bid_envelope_status_change}; the
 * view {@code bid_envelope} joins the two (an envelope without a change is VALID). A withdrawal's signed statement is a
 * row of {@code bid_withdrawal}. No row is ever updated, so concurrent changes to one bidder's bid are serialised by an
 * advisory lock instead ({@link #lock}).
 */
@Repository
class SealedBidRepository {

    private final JdbcClient jdbc;

    SealedBidRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the platform keeps of a received envelope besides the aggregate's facts: the receipt and who sent it. */
    record Received(long size, UUID certificateId, String ip, String by, String receipt, String receiptSignature,
            String receiptBatch) {
    }

    /** A withdrawal as the bidder signed it, with the platform's receipt. */
    record SignedWithdrawal(UUID id, String statement, String signature, UUID certificateId, String certificatePem,
            String ip, String by, String receipt, String receiptSignature, String receiptBatch) {
    }

    /**
     * A receipt the platform signed, with the id of its confidential record: its own signature (before batches) or
     * its batch proof.
     */
    record StoredReceipt(UUID id, String receipt, String signature, ReceiptBatch.Proof batch) {

        static StoredReceipt of(java.sql.ResultSet rs) throws java.sql.SQLException {
            String batch = rs.getString(4);
            return new StoredReceipt(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    batch == null ? null : ReceiptBatch.Proof.parse(batch));
        }
    }

    /** A bidder's bid on a tender (no envelope yet when it sent none). */
    SealedBid find(UUID tenderId, UUID bidderId) {
        List<SealedBid.Envelope> envelopes = jdbc.sql("""
                SELECT id, envelope_sm3, received_at, status, status_at FROM bid_envelope
                WHERE tender_id = :t AND bidder_id = :b ORDER BY received_at, id""")
                .param("t", tenderId).param("b", bidderId)
                .query((rs, i) -> new SealedBid.Envelope(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), EnvelopeStatus.valueOf(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
        return SealedBid.restore(tenderId, bidderId, envelopes);
    }

    /**
     * The bidder's bid, its changes serialised until the transaction ends, so that at most one of its envelopes is
     * VALID: bids are append-only (a replacement or withdrawal is a row of its own), so there is no row to lock.
     */
    SealedBid lock(UUID tenderId, UUID bidderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "bid:" + tenderId + ":" + bidderId)
                .query((rs, i) -> 1).single();
        return find(tenderId, bidderId);
    }

    /** Writes the bid's status changes and, if it received one, the new envelope with {@code received}'s details. */
    void save(SealedBid bid, Received received) {
        for (SealedBid.StatusChange change : bid.changes()) {
            jdbc.sql("INSERT INTO bid_envelope_status_change (envelope_id, status, changed_at) VALUES (:id, :s, :at)")
                    .param("id", change.envelopeId()).param("s", change.status().name()).param("at", at(change.at())).update();
        }
        Optional<SealedBid.Envelope> envelope = bid.received();
        if (envelope.isPresent()) {
            SealedBid.Envelope e = envelope.get();
            try {
                jdbc.sql("""
                        INSERT INTO bid_envelope_received (id, tender_id, bidder_id, envelope_sm3, size_bytes, certificate_id,
                                                           received_at, received_ip, received_by, receipt, receipt_signature,
                                                           receipt_batch)
                        VALUES (:id, :t, :b, :sm3, :size, :cert, :at, :ip, :by, :receipt, :sig, :batch)""")
                        .param("id", e.id()).param("t", bid.tenderId()).param("b", bid.bidderId()).param("sm3", e.sm3())
                        .param("size", received.size()).param("cert", received.certificateId()).param("at", at(e.receivedAt()))
                        .param("ip", received.ip() == null ? "" : received.ip()).param("by", received.by())
                        .param("receipt", received.receipt()).param("sig", received.receiptSignature())
                        .param("batch", received.receiptBatch()).update();
            } catch (DuplicateKeyException ex) {
                throw new DomainException(SealingError.ENVELOPE_ALREADY_RECEIVED);
            }
        }
    }

    /** Writes the bid's status changes (the withdrawal) and the signed statement of envelope {@code bidId}. */
    void saveWithdrawal(SealedBid bid, UUID bidId, Instant at, SignedWithdrawal w) {
        save(bid, null);
        jdbc.sql("""
                INSERT INTO bid_withdrawal (id, bid_id, tender_id, statement, signature, certificate_id, certificate_pem,
                                            received_at, received_ip, received_by, receipt, receipt_signature, receipt_batch)
                VALUES (:id, :bid, :t, :statement, :sig, :cert, :pem, :at, :ip, :by, :receipt, :rsig, :batch)""")
                .param("id", w.id()).param("bid", bidId).param("t", bid.tenderId()).param("statement", w.statement())
                .param("sig", w.signature()).param("cert", w.certificateId()).param("pem", w.certificatePem())
                .param("at", at(at)).param("ip", w.ip() == null ? "" : w.ip()).param("by", w.by())
                .param("receipt", w.receipt()).param("rsig", w.receiptSignature()).param("batch", w.receiptBatch()).update();
    }

    /** The receipt of the bidder's live bid on the tender. */
    Optional<StoredReceipt> liveReceipt(UUID tenderId, UUID bidderId) {
        return jdbc.sql("""
                SELECT id, receipt, receipt_signature, receipt_batch FROM bid_envelope_received r
                WHERE tender_id = :t AND bidder_id = :b
                  AND NOT EXISTS (SELECT 1 FROM bid_envelope_status_change c WHERE c.envelope_id = r.id)""")
                .param("t", tenderId).param("b", bidderId)
                .query((rs, i) -> StoredReceipt.of(rs)).optional();
    }

    /** The receipt of the bidder's latest withdrawal on the tender. */
    Optional<StoredReceipt> latestWithdrawalReceipt(UUID tenderId, UUID bidderId) {
        return jdbc.sql("""
                SELECT w.id, w.receipt, w.receipt_signature, w.receipt_batch FROM bid_withdrawal w JOIN bid_envelope b ON b.id = w.bid_id
                WHERE w.tender_id = :t AND b.bidder_id = :b ORDER BY w.received_at DESC, w.id LIMIT 1""")
                .param("t", tenderId).param("b", bidderId)
                .query((rs, i) -> StoredReceipt.of(rs)).optional();
    }

    /** Whether the bidder has a live bid on the tender. */
    boolean hasLiveBid(UUID tenderId, UUID bidderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM bid_envelope WHERE tender_id = :t AND bidder_id = :b AND status = 'VALID')")
                .param("t", tenderId).param("b", bidderId).query(Boolean.class).single();
    }

    /** A live envelope of a tender, as the opening lists it. */
    record LiveEnvelope(UUID id, UUID bidderId, String sm3, Instant receivedAt) {
    }

    /** The tender's live envelopes, in the order they arrived. */
    List<LiveEnvelope> live(UUID tenderId) {
        return jdbc.sql("""
                SELECT id, bidder_id, envelope_sm3, received_at FROM bid_envelope WHERE tender_id = :t AND status = 'VALID'
                ORDER BY received_at, id""").param("t", tenderId)
                .query((rs, i) -> new LiveEnvelope(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Every envelope received for the tender — live, replaced or withdrawn, each withdrawal with the bidder's signed
     * statement — as the bid set is disclosed at closing, in the order they arrived.
     */
    List<Map<String, Object>> disclosure(UUID tenderId) {
        return jdbc.sql("""
                SELECT b.id, b.bidder_id, b.envelope_sm3, b.received_at, b.status, b.receipt,
                       w.statement, w.signature, w.certificate_pem, w.receipt, w.id
                FROM bid_envelope b LEFT JOIN bid_withdrawal w ON w.bid_id = b.id
                WHERE b.tender_id = :t ORDER BY b.received_at, b.id""").param("t", tenderId)
                .query((rs, i) -> {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("bidId", rs.getObject(1, UUID.class).toString());
                    b.put("bidderId", rs.getObject(2, UUID.class).toString());
                    b.put("envelopeSm3", rs.getString(3));
                    b.put("receivedAt", rs.getObject(4, OffsetDateTime.class).toInstant().toString());
                    b.put("status", rs.getString(5));
                    b.put("receiptSm3", Sm3.hex(rs.getString(6)));
                    if (rs.getString(7) != null) {
                        Map<String, Object> w = new LinkedHashMap<>();
                        w.put("withdrawalId", rs.getObject(11, UUID.class).toString());
                        w.put("statement", rs.getString(7));
                        w.put("signature", rs.getString(8));
                        w.put("certificatePem", rs.getString(9));
                        w.put("receiptSm3", Sm3.hex(rs.getString(10)));
                        b.put("withdrawal", w);
                    } else {
                        b.put("withdrawal", null);
                    }
                    return b;
                }).list();
    }

    /** An envelope no longer needed once bidding closed: replaced or withdrawn. */
    record Superseded(UUID id, String sm3) {
    }

    /** The tender's replaced and withdrawn envelopes. */
    List<Superseded> superseded(UUID tenderId) {
        return jdbc.sql("""
                SELECT id, envelope_sm3 FROM bid_envelope WHERE tender_id = :t AND status IN ('REPLACED', 'WITHDRAWN')""")
                .param("t", tenderId).query((rs, i) -> new Superseded(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** The replaced and withdrawn envelopes of every tender whose bidding closed (it has its opening row). */
    List<Superseded> supersededOfClosedTenders() {
        return jdbc.sql("""
                SELECT b.id, b.envelope_sm3 FROM bid_envelope b JOIN bid_opening o ON o.tender_id = b.tender_id
                WHERE b.status IN ('REPLACED', 'WITHDRAWN')""")
                .query((rs, i) -> new Superseded(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
