package org.sunbid.platform.procurement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.procurement.domain.Negotiation;
import org.sunbid.platform.procurement.domain.NegotiationStatus;
import org.sunbid.platform.procurement.domain.NegotiationTerms;

/** The negotiations' tables (V115): the head and rounds hold the state, the rest is append-only history. */
@Component
class NegotiationStore {

    /** The head row of a negotiation. */
    record Head(UUID lotId, String procedureCode, NegotiationStatus status) {
    }

    /** A stored message or change text. */
    record Text(UUID id, UUID supplierId, int round, String side, String body, String bodySm3, Instant postedAt, String postedBy) {
    }

    private final JdbcClient jdbc;

    NegotiationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The head, locked for the caller's transaction (one step at a time per negotiation). */
    Optional<Head> lock(UUID lotId) {
        return jdbc.sql("SELECT lot_id, procedure_code, status FROM negotiation WHERE lot_id = :l FOR UPDATE").param("l", lotId)
                .query((rs, i) -> new Head(lotId, rs.getString("procedure_code"), NegotiationStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    Optional<Head> head(UUID lotId) {
        return jdbc.sql("SELECT lot_id, procedure_code, status FROM negotiation WHERE lot_id = :l").param("l", lotId)
                .query((rs, i) -> new Head(lotId, rs.getString("procedure_code"), NegotiationStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /** The aggregate as stored, under {@code terms}. */
    Negotiation load(UUID lotId, NegotiationTerms terms) {
        record HeadRow(NegotiationStatus status, Negotiation.Stop stop) {
        }
        HeadRow head = jdbc.sql("SELECT * FROM negotiation WHERE lot_id = :l").param("l", lotId)
                .query((rs, i) -> new HeadRow(NegotiationStatus.valueOf(rs.getString("status")), rs.getString("stop_code") == null ? null
                        : new Negotiation.Stop(rs.getString("stop_code"), rs.getInt("stop_remaining"), rs.getInt("stop_minimum"),
                                rs.getString("stop_article")))).single();
        List<Negotiation.Supplier> suppliers = jdbc.sql("""
                SELECT s.supplier_id, s.name, x.round, x.excluded_at, x.reason FROM negotiation_supplier s
                LEFT JOIN negotiation_exclusion x ON x.lot_id = s.lot_id AND x.supplier_id = s.supplier_id
                WHERE s.lot_id = :l ORDER BY s.position""").param("l", lotId)
                .query((rs, i) -> new Negotiation.Supplier(rs.getObject("supplier_id", UUID.class), rs.getString("name"),
                        (Integer) rs.getObject("round"), instant(rs, "excluded_at"), rs.getString("reason"))).list();
        List<Negotiation.Round> rounds = jdbc.sql("SELECT * FROM negotiation_round WHERE lot_id = :l ORDER BY round").param("l", lotId)
                .query((rs, i) -> new Negotiation.Round(rs.getInt("round"), instant(rs, "started_at"), instant(rs, "offers_called_at"),
                        instant(rs, "offer_deadline"), instant(rs, "offers_opened_at"))).list();
        Map<UUID, Map<UUID, Negotiation.Notice>> notices = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT n.change_id, n.supplier_id, n.delivered_at, a.acknowledged_at FROM negotiation_notice n
                JOIN negotiation_change c ON c.id = n.change_id
                LEFT JOIN negotiation_acknowledgement a ON a.change_id = n.change_id AND a.supplier_id = n.supplier_id
                WHERE c.lot_id = :l""").param("l", lotId).query(rs -> {
                    UUID supplier = rs.getObject("supplier_id", UUID.class);
                    notices.computeIfAbsent(rs.getObject("change_id", UUID.class), k -> new LinkedHashMap<>())
                            .put(supplier, new Negotiation.Notice(supplier, instant(rs, "delivered_at"), instant(rs, "acknowledged_at")));
                });
        List<Negotiation.Change> changes = jdbc.sql("SELECT id, round, posted_at FROM negotiation_change WHERE lot_id = :l ORDER BY seq")
                .param("l", lotId).query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Negotiation.Change(id, rs.getInt("round"), instant(rs, "posted_at"), notices.getOrDefault(id, Map.of()));
                }).list();
        return new Negotiation(lotId, terms, head.status(), suppliers, rounds, changes, head.stop());
    }

    /** A new negotiation: head, suppliers and round 1. */
    void insert(Negotiation n, String procedureCode, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO negotiation (lot_id, procedure_code, status, started_at, started_by, changed_at, changed_by)
                VALUES (:l, :p, :s, :at, :by, :at, :by)""")
                .param("l", n.lotId()).param("p", procedureCode).param("s", n.status().name()).param("at", utc(now)).param("by", by).update();
        int position = 0;
        for (Negotiation.Supplier s : n.suppliers()) {
            jdbc.sql("""
                    INSERT INTO negotiation_supplier (lot_id, supplier_id, name, position, created_at, created_by)
                    VALUES (:l, :s, :n, :p, :at, :by)""")
                    .param("l", n.lotId()).param("s", s.id()).param("n", s.name()).param("p", ++position).param("at", utc(now))
                    .param("by", by).update();
        }
        insertRound(n.lotId(), n.current(), by);
        saveHead(n, now, by);
    }

    void insertRound(UUID lotId, Negotiation.Round round, String by) {
        jdbc.sql("INSERT INTO negotiation_round (lot_id, round, started_at, started_by) VALUES (:l, :r, :at, :by)")
                .param("l", lotId).param("r", round.number()).param("at", utc(round.startedAt())).param("by", by).update();
    }

    /** The status and the stop reason as the aggregate now has them. */
    void saveHead(Negotiation n, Instant now, String by) {
        Negotiation.Stop stop = n.stop();
        jdbc.sql("""
                UPDATE negotiation SET status = :s, stop_code = :c, stop_remaining = :r, stop_minimum = :m, stop_article = :a,
                       changed_at = :at, changed_by = :by WHERE lot_id = :l""")
                .param("l", n.lotId()).param("s", n.status().name()).param("c", stop == null ? null : stop.code())
                .param("r", stop == null ? null : stop.remaining()).param("m", stop == null ? null : stop.minimum())
                .param("a", stop == null ? null : stop.article()).param("at", utc(now)).param("by", by).update();
    }

    void offersCalled(UUID lotId, Negotiation.Round round, String by) {
        jdbc.sql("""
                UPDATE negotiation_round SET offers_called_at = :c, offer_deadline = :d, offers_called_by = :by
                WHERE lot_id = :l AND round = :r""")
                .param("l", lotId).param("r", round.number()).param("c", utc(round.offersCalledAt()))
                .param("d", utc(round.offerDeadline())).param("by", by).update();
    }

    void offersOpened(UUID lotId, int round, Instant openedAt, String recordSm3) {
        jdbc.sql("UPDATE negotiation_round SET offers_opened_at = :o, offers_record_sm3 = :s WHERE lot_id = :l AND round = :r")
                .param("l", lotId).param("r", round).param("o", utc(openedAt)).param("s", recordSm3).update();
    }

    UUID insertMessage(UUID lotId, UUID supplierId, int round, String side, String body, Instant now, String by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO negotiation_message (id, lot_id, supplier_id, round, side, body, body_sm3, posted_at, posted_by)
                VALUES (:id, :l, :s, :r, :side, :b, :h, :at, :by)""")
                .param("id", id).param("l", lotId).param("s", supplierId).param("r", round).param("side", side).param("b", body)
                .param("h", Sm3.hex(body)).param("at", utc(now)).param("by", by).update();
        return id;
    }

    void insertChange(UUID lotId, Negotiation.Change change, String body, String by) {
        jdbc.sql("""
                INSERT INTO negotiation_change (id, lot_id, round, body, body_sm3, posted_at, posted_by)
                VALUES (:id, :l, :r, :b, :h, :at, :by)""")
                .param("id", change.id()).param("l", lotId).param("r", change.round()).param("b", body).param("h", Sm3.hex(body))
                .param("at", utc(change.postedAt())).param("by", by).update();
        for (Negotiation.Notice notice : change.notices().values()) {
            jdbc.sql("INSERT INTO negotiation_notice (change_id, supplier_id, delivered_at, created_by) VALUES (:c, :s, :at, :by)")
                    .param("c", change.id()).param("s", notice.supplierId()).param("at", utc(notice.deliveredAt())).param("by", by).update();
        }
    }

    void insertAcknowledgement(UUID changeId, UUID supplierId, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO negotiation_acknowledgement (change_id, supplier_id, acknowledged_at, acknowledged_by)
                VALUES (:c, :s, :at, :by)""")
                .param("c", changeId).param("s", supplierId).param("at", utc(at)).param("by", by).update();
    }

    void insertExclusion(UUID lotId, Negotiation.Supplier s, String by) {
        jdbc.sql("""
                INSERT INTO negotiation_exclusion (lot_id, supplier_id, round, reason, excluded_at, excluded_by)
                VALUES (:l, :s, :r, :why, :at, :by)""")
                .param("l", lotId).param("s", s.id()).param("r", s.excludedInRound()).param("why", s.exclusionReason())
                .param("at", utc(s.excludedAt())).param("by", by).update();
    }

    /** The messages of one supplier's thread, oldest first. */
    List<Text> thread(UUID lotId, UUID supplierId) {
        return jdbc.sql("""
                SELECT id, supplier_id, round, side, body, body_sm3, posted_at, posted_by FROM negotiation_message
                WHERE lot_id = :l AND supplier_id = :s ORDER BY seq""").param("l", lotId).param("s", supplierId)
                .query((rs, i) -> new Text(rs.getObject("id", UUID.class), supplierId, rs.getInt("round"), rs.getString("side"),
                        rs.getString("body"), rs.getString("body_sm3"), instant(rs, "posted_at"), rs.getString("posted_by"))).list();
    }

    /** Messages per supplier. */
    Map<UUID, Integer> messageCounts(UUID lotId) {
        Map<UUID, Integer> out = new LinkedHashMap<>();
        jdbc.sql("SELECT supplier_id, COUNT(*) AS n FROM negotiation_message WHERE lot_id = :l GROUP BY supplier_id").param("l", lotId)
                .query(rs -> {
                    out.put(rs.getObject("supplier_id", UUID.class), rs.getInt("n"));
                });
        return out;
    }

    /** The changes' texts by id. */
    Map<UUID, Text> changeTexts(UUID lotId) {
        Map<UUID, Text> out = new LinkedHashMap<>();
        jdbc.sql("SELECT id, round, body, body_sm3, posted_at, posted_by FROM negotiation_change WHERE lot_id = :l").param("l", lotId)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    out.put(id, new Text(id, null, rs.getInt("round"), "PANEL", rs.getString("body"), rs.getString("body_sm3"),
                            instant(rs, "posted_at"), rs.getString("posted_by")));
                });
        return out;
    }

    /** The lots with a negotiation where {@code supplierId} takes part (its workbench list). */
    List<UUID> lotsOf(UUID supplierId) {
        return new ArrayList<>(jdbc.sql("SELECT lot_id FROM negotiation_supplier WHERE supplier_id = :s ORDER BY created_at DESC, lot_id")
                .param("s", supplierId).query(UUID.class).list());
    }
}
