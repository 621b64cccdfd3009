package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.procurement.framework.AgreementKind;
import org.sunbid.platform.procurement.framework.AgreementStatus;
import org.sunbid.platform.procurement.framework.BuyerScope;
import org.sunbid.platform.procurement.framework.FrameworkAgreement;
import org.sunbid.platform.procurement.framework.ShortlistMethod;
import org.sunbid.platform.procurement.framework.SummaryPeriods;

/** Framework agreements' tables (procurement's V431, V480): plain SQL through {@link JdbcClient}, nothing else. */
@Repository
class FrameworkStore {

    private final JdbcClient jdbc;

    FrameworkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An agreement row: the domain state plus where it lives. */
    record Agreement(FrameworkAgreement state, UUID lotId, UUID projectId, String dealCode, String regionCode, UUID collectorId,
            String name, String category, int rotationNext) {
    }

    record Item(int no, String name, String unit, BigDecimal maxUnitPrice) {
    }

    record Response(UUID id, UUID supplierId, String via, String status, Map<Integer, BigDecimal> prices,
            BigDecimal qualityScore, Integer rank, Instant submittedAt) {
        BigDecimal total() {
            return prices.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    record Order(UUID id, UUID agreementId, UUID buyerId, int itemNo, BigDecimal quantity, String method, String status,
            UUID supplierId, BigDecimal unitPrice, BigDecimal amount, Integer rotationPosition, Instant competitionDeadline,
            Instant concludedAt, Instant publicationDue, Instant publishedAt, boolean lateFlagged, Integer offerRound,
            String offerRecordSm3) {
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // ---------------------------------------------------------------------------------------------- agreements

    void insertAgreement(UUID id, UUID lotId, UUID projectId, String dealCode, String region, UUID collector, String name,
            AgreementKind kind, ShortlistMethod method, String category, int termMonths, Instant deadline, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO framework_agreement (id, lot_id, project_id, deal_code, region_code, collector_id, name, kind,
                    shortlisting, category, term_months, response_deadline, status, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :lot, :project, :code, :region, :collector, :name, :kind, :method, :category, :term, :deadline,
                    'COLLECTING', :now, :by, :now, :by)""")
                .param("id", id).param("lot", lotId).param("project", projectId).param("code", dealCode)
                .param("region", region).param("collector", collector).param("name", name).param("kind", kind.name())
                .param("method", method.name()).param("category", category).param("term", termMonths)
                .param("deadline", ts(deadline)).param("now", ts(now)).param("by", by).update();
    }

    void insertItem(UUID agreementId, int no, String name, String unit, BigDecimal max, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO framework_item (agreement_id, item_no, name, unit, max_unit_price, created_at, created_by)
                VALUES (:a, :no, :name, :unit, :max, :now, :by)""")
                .param("a", agreementId).param("no", no).param("name", name).param("unit", unit).param("max", max)
                .param("now", ts(now)).param("by", by).update();
    }

    Optional<Agreement> agreement(UUID id) {
        return agreementQuery("SELECT * FROM framework_agreement WHERE id = :id", id);
    }

    /** The agreement locked for a change (one step at a time per agreement). */
    Optional<Agreement> lock(UUID id) {
        return agreementQuery("SELECT * FROM framework_agreement WHERE id = :id FOR UPDATE", id);
    }

    private Optional<Agreement> agreementQuery(String sql, UUID id) {
        Map<Integer, BigDecimal> items = new LinkedHashMap<>();
        for (Item i : items(id)) {
            items.put(i.no(), i.maxUnitPrice());
        }
        return jdbc.sql(sql).param("id", id).query((rs, n) -> new Agreement(
                new FrameworkAgreement(rs.getObject("id", UUID.class), AgreementKind.valueOf(rs.getString("kind")),
                        ShortlistMethod.valueOf(rs.getString("shortlisting")), "SERVICES".equals(rs.getString("category")),
                        rs.getInt("term_months"), instant(rs, "response_deadline"), AgreementStatus.valueOf(rs.getString("status")),
                        instant(rs, "term_start"), instant(rs, "term_end"), items),
                rs.getObject("lot_id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("deal_code"),
                rs.getString("region_code"), rs.getObject("collector_id", UUID.class), rs.getString("name"),
                rs.getString("category"), rs.getInt("rotation_next"))).optional();
    }

    List<UUID> agreementIds(int limit) {
        return jdbc.sql("SELECT id FROM framework_agreement ORDER BY created_at DESC, id LIMIT :limit").param("limit", limit)
                .query(UUID.class).list();
    }

    List<Item> items(UUID agreementId) {
        return jdbc.sql("SELECT item_no, name, unit, max_unit_price FROM framework_item WHERE agreement_id = :a ORDER BY item_no")
                .param("a", agreementId)
                .query((rs, n) -> new Item(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4))).list();
    }

    void inForce(UUID id, Instant start, Instant end, String by) {
        jdbc.sql("""
                UPDATE framework_agreement SET status = 'IN_FORCE', term_start = :start, term_end = :end, updated_at = :start,
                    updated_by = :by WHERE id = :id""")
                .param("id", id).param("start", ts(start)).param("end", ts(end)).param("by", by).update();
    }

    void rotationNext(UUID id, int next, Instant now, String by) {
        jdbc.sql("UPDATE framework_agreement SET rotation_next = :next, updated_at = :now, updated_by = :by WHERE id = :id")
                .param("id", id).param("next", next).param("now", ts(now)).param("by", by).update();
    }

    // ---------------------------------------------------------------------------------------------- responses

    boolean responded(UUID agreementId, UUID supplierId) {
        return jdbc.sql("""
                SELECT count(*) FROM framework_response WHERE agreement_id = :a AND supplier_id = :s AND status <> 'REFUSED'""")
                .param("a", agreementId).param("s", supplierId).query(Long.class).single() > 0;
    }

    void insertResponse(UUID id, UUID agreementId, UUID supplierId, String via, Map<Integer, BigDecimal> prices, Instant now,
            String by) {
        jdbc.sql("""
                INSERT INTO framework_response (id, agreement_id, supplier_id, via, status, submitted_at, created_at, created_by,
                    updated_at, updated_by) VALUES (:id, :a, :s, :via, 'SUBMITTED', :now, :now, :by, :now, :by)""")
                .param("id", id).param("a", agreementId).param("s", supplierId).param("via", via).param("now", ts(now))
                .param("by", by).update();
        for (Map.Entry<Integer, BigDecimal> p : prices.entrySet()) {
            jdbc.sql("INSERT INTO framework_response_price (response_id, item_no, unit_price) VALUES (:r, :no, :price)")
                    .param("r", id).param("no", p.getKey()).param("price", p.getValue()).update();
        }
    }

    List<Response> responses(UUID agreementId) {
        Map<UUID, Map<Integer, BigDecimal>> prices = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.response_id, p.item_no, p.unit_price FROM framework_response_price p
                JOIN framework_response r ON r.id = p.response_id WHERE r.agreement_id = :a ORDER BY p.item_no""")
                .param("a", agreementId).query(rs -> {
                    prices.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getBigDecimal(3));
                });
        return jdbc.sql("""
                SELECT id, supplier_id, via, status, quality_score, rank, submitted_at FROM framework_response
                WHERE agreement_id = :a ORDER BY rank NULLS LAST, submitted_at, id""")
                .param("a", agreementId)
                .query((rs, n) -> new Response(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
                        rs.getString("via"), rs.getString("status"), Map.copyOf(prices.getOrDefault(rs.getObject("id", UUID.class), Map.of())),
                        rs.getBigDecimal("quality_score"), (Integer) rs.getObject("rank"), instant(rs, "submitted_at")))
                .list();
    }

    void decideResponse(UUID id, String status, Integer rank, BigDecimal qualityScore, String reason, Instant now, String by) {
        jdbc.sql("""
                UPDATE framework_response SET status = :status, rank = :rank, quality_score = :score, review_reason = :reason,
                    reviewed_at = :now, updated_at = :now, updated_by = :by WHERE id = :id""")
                .param("id", id).param("status", status).param("rank", rank).param("score", qualityScore)
                .param("reason", reason).param("now", ts(now)).param("by", by).update();
    }

    // ---------------------------------------------------------------------------------------------- notices

    void insertNotice(UUID agreementId, String type, String title, String body, Instant now, String by) {
        insertNotice(UUID.randomUUID(), agreementId, type, title, body, now, by);
    }

    void insertNotice(UUID id, UUID agreementId, String type, String title, String body, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO framework_notice (id, agreement_id, type, title, body, published_at, created_by)
                VALUES (:id, :a, :type, :title, :body, :now, :by)""")
                .param("id", id).param("a", agreementId).param("type", type).param("title", title)
                .param("body", body).param("now", ts(now)).param("by", by).update();
    }

    List<FrameworkAgreementView.Notice> notices(UUID agreementId) {
        return jdbc.sql("""
                SELECT id, type, title, body, published_at FROM framework_notice WHERE agreement_id = :a
                ORDER BY seq""")
                .param("a", agreementId)
                .query((rs, n) -> new FrameworkAgreementView.Notice(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), instant(rs, "published_at")))
                .list();
    }

    // ---------------------------------------------------------------------------------------------- buyers (适用范围)

    void insertBuyers(UUID agreementId, BuyerScope scope) {
        int seq = 0;
        for (UUID o : scope.organisations()) {
            jdbc.sql("INSERT INTO framework_buyer (agreement_id, seq, organisation_id) VALUES (:a, :seq, :o)")
                    .param("a", agreementId).param("seq", ++seq).param("o", o).update();
        }
        for (String r : scope.regions()) {
            jdbc.sql("INSERT INTO framework_buyer (agreement_id, seq, region_code) VALUES (:a, :seq, :r)")
                    .param("a", agreementId).param("seq", ++seq).param("r", r).update();
        }
    }

    BuyerScope buyers(UUID agreementId) {
        List<UUID> organisations = new java.util.ArrayList<>();
        List<String> regions = new java.util.ArrayList<>();
        jdbc.sql("SELECT organisation_id, region_code FROM framework_buyer WHERE agreement_id = :a ORDER BY seq")
                .param("a", agreementId).query(rs -> {
                    UUID o = rs.getObject(1, UUID.class);
                    if (o != null) {
                        organisations.add(o);
                    } else {
                        regions.add(rs.getString(2));
                    }
                });
        return new BuyerScope(organisations, regions);
    }

    // ---------------------------------------------------------------------------------------------- order summaries

    /** A published summary: its period and notice. */
    record Summary(SummaryPeriods.Kind kind, Instant start, Instant end, UUID noticeId, int orders, BigDecimal total,
            Instant publishedAt) {
    }

    /** Records a period's summary; false if that period already has one (then nothing is written). */
    boolean insertSummary(UUID agreementId, SummaryPeriods.Period p, UUID noticeId, int orders, BigDecimal total, Instant now,
            String by) {
        return jdbc.sql("""
                INSERT INTO framework_summary (agreement_id, period, period_start, period_end, notice_id, orders, total,
                    published_at, created_by) VALUES (:a, :kind, :start, :end, :notice, :orders, :total, :now, :by)
                ON CONFLICT DO NOTHING""")
                .param("a", agreementId).param("kind", p.kind().name()).param("start", ts(p.start())).param("end", ts(p.end()))
                .param("notice", noticeId).param("orders", orders).param("total", total).param("now", ts(now)).param("by", by)
                .update() == 1;
    }

    List<Summary> summaries(UUID agreementId) {
        return jdbc.sql("""
                SELECT period, period_start, period_end, notice_id, orders, total, published_at FROM framework_summary
                WHERE agreement_id = :a ORDER BY period_start, period""")
                .param("a", agreementId)
                .query((rs, n) -> new Summary(SummaryPeriods.Kind.valueOf(rs.getString(1)), instant(rs, "period_start"),
                        instant(rs, "period_end"), rs.getObject(4, UUID.class), rs.getInt(5), rs.getBigDecimal(6),
                        instant(rs, "published_at")))
                .list();
    }

    /** Agreements whose term has started and whose term summary is not yet published, oldest first. */
    List<UUID> agreementsAwaitingSummaries(Instant now) {
        return jdbc.sql("""
                SELECT a.id FROM framework_agreement a WHERE a.term_start IS NOT NULL AND a.term_start < :now
                AND NOT EXISTS (SELECT 1 FROM framework_summary s WHERE s.agreement_id = a.id AND s.period = 'TERM')
                ORDER BY a.term_start""")
                .param("now", ts(now)).query(UUID.class).list();
    }

    // ---------------------------------------------------------------------------------------------- orders

    void insertOrder(Order o, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO framework_order (id, agreement_id, buyer_id, item_no, quantity, method, status, supplier_id,
                    unit_price, amount, rotation_position, competition_deadline, concluded_at, publication_due, created_at,
                    created_by, updated_at, updated_by, offer_round)
                VALUES (:id, :a, :buyer, :item, :qty, :method, :status, :supplier, :price, :amount, :position, :deadline,
                    :concluded, :due, :now, :by, :now, :by, :round)""")
                .param("round", o.offerRound())
                .param("id", o.id()).param("a", o.agreementId()).param("buyer", o.buyerId()).param("item", o.itemNo())
                .param("qty", o.quantity()).param("method", o.method()).param("status", o.status())
                .param("supplier", o.supplierId()).param("price", o.unitPrice()).param("amount", o.amount())
                .param("position", o.rotationPosition()).param("deadline", ts(o.competitionDeadline()))
                .param("concluded", ts(o.concludedAt())).param("due", ts(o.publicationDue())).param("now", ts(now))
                .param("by", by).update();
    }

    void conclude(UUID id, String status, UUID supplierId, BigDecimal unitPrice, BigDecimal amount, Instant concluded,
            Instant due, Instant now, String by) {
        jdbc.sql("""
                UPDATE framework_order SET status = :status, supplier_id = :supplier, unit_price = :price, amount = :amount,
                    concluded_at = :concluded, publication_due = :due, updated_at = :now, updated_by = :by WHERE id = :id""")
                .param("id", id).param("status", status).param("supplier", supplierId).param("price", unitPrice)
                .param("amount", amount).param("concluded", ts(concluded)).param("due", ts(due)).param("now", ts(now))
                .param("by", by).update();
    }

    void published(UUID id, boolean late, Instant now, String by) {
        jdbc.sql("""
                UPDATE framework_order SET status = 'PUBLISHED', published_at = :now, late_flagged = late_flagged OR :late,
                    updated_at = :now, updated_by = :by WHERE id = :id""")
                .param("id", id).param("late", late).param("now", ts(now)).param("by", by).update();
    }

    /** Marks the concluded orders whose publication period ended before {@code now}, once; returns their ids. */
    List<UUID> flagLate(Instant now) {
        return jdbc.sql("""
                UPDATE framework_order SET late_flagged = TRUE, updated_at = :now, updated_by = 'system'
                WHERE status = 'CONCLUDED' AND NOT late_flagged AND publication_due < :now RETURNING id""")
                .param("now", ts(now)).query(UUID.class).list();
    }

    Optional<Order> order(UUID id, boolean lock) {
        return jdbc.sql("SELECT * FROM framework_order WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", id).query(FrameworkStore::order).optional();
    }

    List<Order> orders(UUID agreementId) {
        return jdbc.sql("SELECT * FROM framework_order WHERE agreement_id = :a ORDER BY created_at, id")
                .param("a", agreementId).query(FrameworkStore::order).list();
    }

    List<Order> ordersOfBuyer(UUID buyerId, int limit) {
        return jdbc.sql("SELECT * FROM framework_order WHERE buyer_id = :b ORDER BY created_at DESC, id LIMIT :limit")
                .param("b", buyerId).param("limit", limit).query(FrameworkStore::order).list();
    }

    private static Order order(ResultSet rs, int n) throws SQLException {
        return new Order(rs.getObject("id", UUID.class), rs.getObject("agreement_id", UUID.class),
                rs.getObject("buyer_id", UUID.class), rs.getInt("item_no"), rs.getBigDecimal("quantity"), rs.getString("method"),
                rs.getString("status"), rs.getObject("supplier_id", UUID.class), rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("amount"), (Integer) rs.getObject("rotation_position"), instant(rs, "competition_deadline"),
                instant(rs, "concluded_at"), instant(rs, "publication_due"), instant(rs, "published_at"),
                rs.getBoolean("late_flagged"), (Integer) rs.getObject("offer_round"), rs.getString("offer_record_sm3"));
    }

    /** The SM3 of the signed round record that decided a competition. */
    void offerRecord(UUID id, String recordSm3) {
        jdbc.sql("UPDATE framework_order SET offer_record_sm3 = :sm3 WHERE id = :id").param("id", id).param("sm3", recordSm3)
                .update();
    }

    /** The competitions running (or awaiting their close) under agreements where {@code supplierId} is a member. */
    List<Order> competitionsOpenTo(UUID supplierId) {
        return jdbc.sql("""
                SELECT o.* FROM framework_order o WHERE o.status = 'COMPETING' AND o.agreement_id IN
                (SELECT r.agreement_id FROM framework_response r WHERE r.supplier_id = :s AND r.status IN ('SHORTLISTED', 'ADMITTED'))
                ORDER BY o.competition_deadline, o.id""")
                .param("s", supplierId).query(FrameworkStore::order).list();
    }
}
