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
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.domain.BidOpening;
import org.sunbid.platform.sealing.domain.OpeningStatus;
import org.sunbid.platform.sealing.domain.ShareReleases;

/**
 * Stores bid openings: {@code bid_opening} (a row awaiting shares turns OPENING once, and is completed once with its
 * record, never changed after — a trigger refuses it too), the releases of shares ({@code opening_share_release}, append-only) beside the
 * plaintext shares ({@code released_share}, deleted once the bids are opened), and the bidders' responses
 * ({@code opening_response}: a response once, its answer once).
 */
@Repository
class BidOpeningRepository {

    private final JdbcClient jdbc;

    BidOpeningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A tender's opening, if bidding closed on it. */
    Optional<BidOpening> find(UUID tenderId) {
        return load(tenderId, false);
    }

    /** A tender's opening, its row locked until the transaction ends (shares released in parallel wait in turn). */
    Optional<BidOpening> lock(UUID tenderId) {
        return load(tenderId, true);
    }

    private Optional<BidOpening> load(UUID tenderId, boolean forUpdate) {
        record Row(OpeningStatus status, int valid, Instant closedAt, Instant openedAt, String record, String signature) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT status, valid_envelopes, closed_at, opened_at, record, record_signature FROM bid_opening
                WHERE tender_id = :t""" + (forUpdate ? " FOR UPDATE" : "")).param("t", tenderId)
                .query((rs, i) -> new Row(OpeningStatus.valueOf(rs.getString(1)), rs.getInt(2), instant(rs.getObject(3, OffsetDateTime.class)),
                        instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(5), rs.getString(6)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        int threshold = jdbc.sql("SELECT threshold FROM tender_opening_key WHERE tender_id = :t").param("t", tenderId)
                .query(Integer.class).optional().orElse(Integer.MAX_VALUE);
        List<Integer> released = jdbc.sql("SELECT share_index FROM opening_share_release WHERE tender_id = :t ORDER BY share_index")
                .param("t", tenderId).query(Integer.class).list();
        Map<Integer, String> shares = new LinkedHashMap<>();
        jdbc.sql("SELECT share_index, share_json FROM released_share WHERE tender_id = :t ORDER BY share_index").param("t", tenderId)
                .query((rs, i) -> shares.put(rs.getInt(1), rs.getString(2))).list();
        List<BidOpening.Response> responses = jdbc.sql("""
                SELECT bidder_id, response, objection, responded_at, responded_by, answer, answered_at, answered_by
                FROM opening_response WHERE tender_id = :t ORDER BY responded_at, bidder_id""").param("t", tenderId)
                .query((rs, i) -> new BidOpening.Response(rs.getObject(1, UUID.class), "OBJECTED".equals(rs.getString(2)),
                        rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(5), rs.getString(6),
                        instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8)))
                .list();
        return Optional.of(BidOpening.restore(tenderId, r.status(), r.valid(), threshold, r.closedAt(), r.openedAt(), r.record(),
                r.signature(), released, shares, responses));
    }

    /** Writes a new opening (at closing), with its record if it failed at once. */
    void insert(BidOpening o) {
        jdbc.sql("""
                INSERT INTO bid_opening (tender_id, status, valid_envelopes, closed_at, opened_at, record, record_signature)
                VALUES (:t, :s, :n, :closed, :opened, :record, :sig)""")
                .param("t", o.tenderId()).param("s", o.status().name()).param("n", o.validEnvelopes())
                .param("closed", at(o.closedAt())).param("opened", at(o.openedAt())).param("record", o.record())
                .param("sig", o.recordSignature()).update();
    }

    /** Writes what changed: new share releases, the record completed (once), new responses and answers. */
    void save(BidOpening o) {
        for (ShareReleases.Release r : o.newReleases()) {
            jdbc.sql("""
                    INSERT INTO released_share (tender_id, share_index, share_json, released_at, released_by)
                    VALUES (:t, :i, :json, :at, :by)""")
                    .param("t", o.tenderId()).param("i", r.shareIndex()).param("json", r.shareJson()).param("at", at(r.at()))
                    .param("by", r.by()).update();
            jdbc.sql("""
                    INSERT INTO opening_share_release (tender_id, share_index, released_at, released_by)
                    VALUES (:t, :i, :at, :by)""")
                    .param("t", o.tenderId()).param("i", r.shareIndex()).param("at", at(r.at())).param("by", r.by()).update();
        }
        if (o.openingStarted()) {
            int updated = jdbc.sql("""
                    UPDATE bid_opening SET status = 'OPENING'
                    WHERE tender_id = :t AND status = 'AWAITING_SHARES' AND record IS NULL""")
                    .param("t", o.tenderId()).update();
            if (updated != 1) {
                throw new DomainException(SealingError.OPENING_NOT_READY); // started meanwhile: opened once only
            }
        }
        if (o.recordWritten() && o.status() == OpeningStatus.OPENED) {
            int updated = jdbc.sql("""
                    UPDATE bid_opening SET status = 'OPENED', opened_at = :at, record = :record, record_signature = :sig
                    WHERE tender_id = :t AND status = 'OPENING' AND record IS NULL""")
                    .param("at", at(o.openedAt())).param("record", o.record()).param("sig", o.recordSignature())
                    .param("t", o.tenderId()).update();
            if (updated != 1) {
                throw new DomainException(SealingError.OPENING_NOT_READY); // completed meanwhile: the record is final
            }
            jdbc.sql("DELETE FROM released_share WHERE tender_id = :t").param("t", o.tenderId()).update();
        }
        for (BidOpening.Response r : o.newResponses()) {
            try {
                jdbc.sql("""
                        INSERT INTO opening_response (tender_id, bidder_id, response, objection, responded_at, responded_by)
                        VALUES (:t, :b, :r, :o, :at, :by)""")
                        .param("t", o.tenderId()).param("b", r.bidderId()).param("r", r.objected() ? "OBJECTED" : "CONFIRMED")
                        .param("o", r.objection()).param("at", at(r.respondedAt())).param("by", r.respondedBy()).update();
            } catch (DuplicateKeyException e) {
                throw new DomainException(SealingError.OPENING_ALREADY_RESPONDED);
            }
        }
        for (BidOpening.Response r : o.newAnswers()) {
            int updated = jdbc.sql("""
                    UPDATE opening_response SET answer = :a, answered_at = :at, answered_by = :by
                    WHERE tender_id = :t AND bidder_id = :b AND response = 'OBJECTED' AND answer IS NULL""")
                    .param("a", r.answer()).param("at", at(r.answeredAt())).param("by", r.answeredBy())
                    .param("t", o.tenderId()).param("b", r.bidderId()).update();
            if (updated != 1) {
                throw new DomainException(SealingError.OPENING_OBJECTION_NOT_FOUND); // answered meanwhile
            }
        }
    }

    /** The tenders whose opening awaits a share that organisation {@code custodianId} holds and has not released. */
    List<UUID> awaitingShareOf(UUID custodianId) {
        return jdbc.sql("""
                SELECT o.tender_id FROM bid_opening o JOIN opening_key_share s ON s.tender_id = o.tender_id
                WHERE o.status = 'AWAITING_SHARES' AND s.custodian_id = :c
                  AND NOT EXISTS (SELECT 1 FROM opening_share_release r
                                  WHERE r.tender_id = s.tender_id AND r.share_index = s.share_index)
                ORDER BY o.closed_at""")
                .param("c", custodianId).query(UUID.class).list();
    }

    /** The tenders whose envelopes are being opened (OPENING), oldest first: what a restart resumes. */
    List<UUID> opening() {
        return jdbc.sql("SELECT tender_id FROM bid_opening WHERE status = 'OPENING' ORDER BY closed_at, tender_id")
                .query(UUID.class).list();
    }

    /** Every opened tender, in the order the openings completed. */
    List<UUID> opened() {
        return jdbc.sql("SELECT tender_id FROM bid_opening WHERE status = 'OPENED' ORDER BY opened_at, tender_id")
                .query(UUID.class).list();
    }

    /** Of {@code tenderIds}, those with an objection to the opening record still unanswered. */
    List<UUID> withObjectionAwaitingAnswer(List<UUID> tenderIds) {
        if (tenderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT tender_id FROM opening_response
                WHERE tender_id = ANY(:ids) AND response = 'OBJECTED' AND answer IS NULL""")
                .param("ids", tenderIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
