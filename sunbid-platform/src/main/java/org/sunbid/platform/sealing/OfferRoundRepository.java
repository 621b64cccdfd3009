package org.sunbid.platform.sealing;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.sealing.domain.OfferRound;
import org.sunbid.platform.sealing.domain.ShareReleases;

/**
 * Stores the rounds of final offers: the round with its key ({@code offer_round}, {@code offer_round_key_share}), the
 * offers as received ({@code offer_envelope}, the latest per supplier counts), the custodians' releases
 * ({@code offer_round_share_release}) beside the plaintext shares ({@code offer_round_released_share}, deleted once the
 * offers are opened) and the round record ({@code offer_round_opening}, once). All written once (V105).
 */
@Repository
class OfferRoundRepository {

    /** A round's key as stored. */
    record Key(String publicKeyPem, String keySm3, int threshold, Instant createdAt, long createdLogSeq) {
    }

    /** A custodian's share of a round's key: its index and the certificate it is encrypted to. */
    record HeldShare(int index, int threshold, String keySm3, UUID certificateId, String encryptedShare) {
    }

    /**
     * Who a competition round belongs to: the owning context's {@code purpose} (e.g. {@code framework-order:<id>}), the
     * region whose policy chose its custodians, and its owner (the buyer, a custodian); all null for a negotiation round.
     */
    record Meta(OfferRound.Kind kind, String regionCode, UUID ownerId, String purpose) {
    }

    private final JdbcClient jdbc;

    OfferRoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises everything done to one round (offers, releases, opening) until the transaction ends. */
    void lock(UUID lotId, int round) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "offer-round:" + lotId + ":" + round)
                .query((rs, i) -> 1).list();
    }

    /** The rounds of a lot so far, by number. */
    List<Integer> rounds(UUID lotId) {
        return jdbc.sql("SELECT round FROM offer_round WHERE lot_id = :l ORDER BY round").param("l", lotId)
                .query(Integer.class).list();
    }

    Optional<OfferRound> find(UUID lotId, int round) {
        record Row(Instant deadline, List<UUID> suppliers, int threshold, OfferRound.Kind kind) {
        }
        Optional<Row> row = jdbc.sql("SELECT deadline, suppliers, threshold, kind FROM offer_round WHERE lot_id = :l AND round = :r")
                .param("l", lotId).param("r", round)
                .query((rs, i) -> new Row(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getArray(2) == null ? null : uuids(rs.getArray(2)), rs.getInt(3), OfferRound.Kind.valueOf(rs.getString(4))))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<OfferRound.Offer> offers = jdbc.sql("""
                SELECT id, supplier_id, envelope_sm3, received_at FROM offer_envelope
                WHERE lot_id = :l AND round = :r ORDER BY seq""").param("l", lotId).param("r", round)
                .query((rs, i) -> new OfferRound.Offer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        List<Integer> released = jdbc.sql("""
                SELECT share_index FROM offer_round_share_release WHERE lot_id = :l AND round = :r ORDER BY share_index""")
                .param("l", lotId).param("r", round).query(Integer.class).list();
        Map<Integer, String> shares = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT share_index, share_json FROM offer_round_released_share WHERE lot_id = :l AND round = :r
                ORDER BY share_index""").param("l", lotId).param("r", round)
                .query((rs, i) -> shares.put(rs.getInt(1), rs.getString(2))).list();
        record Opening(Instant at, String record, String signature) {
        }
        Optional<Opening> opening = jdbc.sql("""
                SELECT opened_at, record, record_signature FROM offer_round_opening WHERE lot_id = :l AND round = :r""")
                .param("l", lotId).param("r", round)
                .query((rs, i) -> new Opening(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3)))
                .optional();
        Row r = row.get();
        return Optional.of(OfferRound.restore(r.kind(), lotId, round, r.deadline(), r.suppliers(), offers,
                new ShareReleases(r.threshold(), released, shares), opening.map(Opening::at).orElse(null),
                opening.map(Opening::record).orElse(null), opening.map(Opening::signature).orElse(null)));
    }

    /** Who round {@code round} of the lot belongs to (its kind; for a competition round, its owner). */
    Optional<Meta> meta(UUID lotId, int round) {
        return jdbc.sql("SELECT kind, region_code, owner_id, purpose FROM offer_round WHERE lot_id = :l AND round = :r")
                .param("l", lotId).param("r", round)
                .query((rs, i) -> new Meta(OfferRound.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4)))
                .optional();
    }

    /** The next round number on the lot (max + 1; the caller holds the lot's lock). */
    int nextRound(UUID lotId) {
        return jdbc.sql("SELECT COALESCE(MAX(round), 0) + 1 FROM offer_round WHERE lot_id = :l").param("l", lotId)
                .query(Integer.class).single();
    }

    /** A new negotiation round with its key and the custodians' encrypted shares. */
    void insert(OfferRound round, TenderKeys.MadeKey key, Instant now, String by, long logSeq) {
        insert(round, new Meta(OfferRound.Kind.NEGOTIATION, null, null, null), key, now, by, logSeq);
    }

    /** A new round of {@code meta}'s kind with its key and the custodians' encrypted shares. */
    void insert(OfferRound round, Meta meta, TenderKeys.MadeKey key, Instant now, String by, long logSeq) {
        jdbc.sql("""
                INSERT INTO offer_round (lot_id, round, deadline, suppliers, public_key_pem, key_sm3, threshold, created_at,
                                         created_by, created_log_seq, kind, region_code, owner_id, purpose)
                VALUES (:l, :r, :d, :s, :pem, :sm3, :k, :at, :by, :seq, :kind, :region, :owner, :purpose)""")
                .param("l", round.lotId()).param("r", round.round()).param("d", at(round.deadline()))
                .param("s", round.openToAny() ? null : round.suppliers().toArray(UUID[]::new)).param("pem", key.publicKeyPem())
                .param("sm3", key.keySm3())
                .param("k", key.threshold()).param("at", at(now)).param("by", by).param("seq", logSeq)
                .param("kind", round.kind().name()).param("region", meta.regionCode()).param("owner", meta.ownerId())
                .param("purpose", meta.purpose()).update();
        for (TenderKeys.MadeShare share : key.shares()) {
            jdbc.sql("""
                    INSERT INTO offer_round_key_share (lot_id, round, share_index, custodian_id, certificate_id, encrypted_share)
                    VALUES (:l, :r, :i, :c, :cert, :share)""")
                    .param("l", round.lotId()).param("r", round.round()).param("i", share.index()).param("c", share.custodianId())
                    .param("cert", share.certificateId()).param("share", share.encryptedShare()).update();
        }
    }

    /** Writes what changed: an offer received, share releases, the round record (once). */
    void save(OfferRound round, Map<UUID, Received> received) {
        for (OfferRound.Offer offer : round.newOffers()) {
            Received r = received.get(offer.id());
            jdbc.sql("""
                    INSERT INTO offer_envelope (id, lot_id, round, supplier_id, envelope_sm3, size, received_at, received_by,
                                                receipt, receipt_signature, receipt_batch)
                    VALUES (:id, :l, :r, :s, :sm3, :size, :at, :by, :receipt, :sig, :batch)""")
                    .param("id", offer.id()).param("l", round.lotId()).param("r", round.round()).param("s", offer.supplierId())
                    .param("sm3", offer.envelopeSm3()).param("size", r.size()).param("at", at(offer.receivedAt()))
                    .param("by", r.by()).param("receipt", r.receipt()).param("sig", r.signature())
                    .param("batch", r.batch()).update();
        }
        for (ShareReleases.Release r : round.newReleases()) {
            jdbc.sql("""
                    INSERT INTO offer_round_released_share (lot_id, round, share_index, share_json)
                    VALUES (:l, :r, :i, :json)""")
                    .param("l", round.lotId()).param("r", round.round()).param("i", r.shareIndex()).param("json", r.shareJson())
                    .update();
            jdbc.sql("""
                    INSERT INTO offer_round_share_release (lot_id, round, share_index, released_at, released_by)
                    VALUES (:l, :r, :i, :at, :by)""")
                    .param("l", round.lotId()).param("r", round.round()).param("i", r.shareIndex()).param("at", at(r.at()))
                    .param("by", r.by()).update();
        }
        if (round.recordWritten()) {
            jdbc.sql("""
                    INSERT INTO offer_round_opening (lot_id, round, opened_at, record, record_signature)
                    VALUES (:l, :r, :at, :record, :sig)""")
                    .param("l", round.lotId()).param("r", round.round()).param("at", at(round.openedAt()))
                    .param("record", round.record()).param("sig", round.recordSignature()).update();
            jdbc.sql("DELETE FROM offer_round_released_share WHERE lot_id = :l AND round = :r")
                    .param("l", round.lotId()).param("r", round.round()).update();
        }
    }

    /** What is stored with an offer beside the aggregate's facts: its receipt, signed directly or with its batch (JSON). */
    record Received(long size, String by, String receipt, String signature, String batch) {
    }

    Optional<Key> key(UUID lotId, int round) {
        return jdbc.sql("""
                SELECT public_key_pem, key_sm3, threshold, created_at, created_log_seq FROM offer_round
                WHERE lot_id = :l AND round = :r""").param("l", lotId).param("r", round)
                .query((rs, i) -> new Key(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getLong(5)))
                .optional();
    }

    /** The share organisation {@code custodianId} holds of a round's key, if it is a custodian. */
    Optional<HeldShare> heldShare(UUID lotId, int round, UUID custodianId) {
        return custodianId == null ? Optional.empty() : jdbc.sql("""
                SELECT s.share_index, o.threshold, o.key_sm3, s.certificate_id, s.encrypted_share
                FROM offer_round_key_share s JOIN offer_round o ON o.lot_id = s.lot_id AND o.round = s.round
                WHERE s.lot_id = :l AND s.round = :r AND s.custodian_id = :c""")
                .param("l", lotId).param("r", round).param("c", custodianId)
                .query((rs, i) -> new HeldShare(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5)))
                .optional();
    }

    /** The stored receipt of supplier {@code supplierId}'s offer that counts in a round (its latest). */
    Optional<SealedBidRepository.StoredReceipt> latestReceipt(UUID lotId, int round, UUID supplierId) {
        return jdbc.sql("""
                SELECT id, receipt, receipt_signature, receipt_batch FROM offer_envelope
                WHERE lot_id = :l AND round = :r AND supplier_id = :s ORDER BY seq DESC LIMIT 1""")
                .param("l", lotId).param("r", round).param("s", supplierId)
                .query((rs, i) -> SealedBidRepository.StoredReceipt.of(rs))
                .optional();
    }

    /** The rounds (lot, round) still open in which organisation {@code custodianId} holds a share it has not released. */
    List<Map.Entry<UUID, Integer>> awaitingShareOf(UUID custodianId) {
        return jdbc.sql("""
                SELECT s.lot_id, s.round FROM offer_round_key_share s
                WHERE s.custodian_id = :c
                  AND NOT EXISTS (SELECT 1 FROM offer_round_opening o WHERE o.lot_id = s.lot_id AND o.round = s.round)
                  AND NOT EXISTS (SELECT 1 FROM offer_round_share_release r
                                  WHERE r.lot_id = s.lot_id AND r.round = s.round AND r.share_index = s.share_index)
                ORDER BY s.lot_id, s.round""")
                .param("c", custodianId)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
