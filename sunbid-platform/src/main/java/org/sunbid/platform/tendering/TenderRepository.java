package org.sunbid.platform.tendering;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.tendering.domain.Tender;

/** Stores tenders; saving checks the version read, so two concurrent changes cannot both win. */
@Repository
class TenderRepository {

    private final JdbcClient jdbc;

    TenderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Tender t, Instant now, String actor) {
        TenderTerms terms = t.terms();
        jdbc.sql("""
                INSERT INTO tender (id, project_code, name, category, tenderee_id, agency_id, region_code, estimated_price,
                    deposit, qualification, evaluation_method, bid_deadline, opening_venue, bid_validity_days,
                    documents_available_until, notice, status, version, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :code, :name, :category, :tenderee, :agency, :region, :estimated, :deposit, :qualification,
                    :method, :deadline, :venue, :validity, :docs, :notice, :status, 0, :now, :actor, :now, :actor)""")
                .param("id", t.id()).param("code", terms.projectCode()).param("name", terms.name())
                .param("category", terms.category()).param("tenderee", t.tendereeId()).param("agency", t.agencyId())
                .param("region", t.regionCode()).param("estimated", terms.estimatedPrice().yuan())
                .param("deposit", terms.deposit().yuan()).param("qualification", terms.qualification() == null ? "" : terms.qualification())
                .param("method", terms.evaluationMethod().name()).param("deadline", at(t.bidDeadline()))
                .param("venue", terms.openingVenue()).param("validity", terms.bidValidityDays())
                .param("docs", at(terms.documentsAvailableUntil())).param("notice", terms.notice())
                .param("status", t.status().name()).param("now", at(now)).param("actor", actor)
                .update();
        int position = 0;
        for (TenderTerms.Lot lot : terms.lots()) {
            jdbc.sql("INSERT INTO tender_lot (tender_id, position, name, estimated_price) VALUES (:t, :p, :n, :e)")
                    .param("t", t.id()).param("p", position++).param("n", lot.name()).param("e", lot.estimatedPrice().yuan())
                    .update();
        }
    }

    /** Writes the tender's state and any new or answered clarifications and objections. */
    void update(Tender t, Instant now, String actor) {
        int updated = jdbc.sql("""
                UPDATE tender SET status = :status, bid_deadline = :deadline, published_at = :published,
                    suspended_at = :suspended, version = version + 1, updated_at = :now, updated_by = :actor
                WHERE id = :id AND version = :version""")
                .param("status", t.status().name()).param("deadline", at(t.bidDeadline()))
                .param("published", at(t.publishedAt())).param("suspended", at(t.suspendedAt()))
                .param("now", at(now)).param("actor", actor).param("id", t.id()).param("version", t.version())
                .update();
        if (updated != 1) {
            throw new DomainException(TenderingError.TENDER_CHANGED_CONCURRENTLY, t.id());
        }
        for (Clarification c : t.clarifications()) {
            jdbc.sql("""
                    INSERT INTO tender_clarification (id, tender_id, issued_at, text, affects_preparation, deadline_moved_to, created_by)
                    VALUES (:id, :t, :at, :text, :affects, :moved, :actor) ON CONFLICT (id) DO NOTHING""")
                    .param("id", c.id()).param("t", t.id()).param("at", at(c.issuedAt())).param("text", c.text())
                    .param("affects", c.affectsPreparation()).param("moved", at(c.deadlineMovedTo())).param("actor", actor)
                    .update();
        }
        for (Objection o : t.objections()) {
            jdbc.sql("""
                    INSERT INTO tender_objection (id, tender_id, raised_at, objector_id, text, answer_due, answered_at, answer,
                        created_by, updated_at, updated_by)
                    VALUES (:id, :t, :raised, :objector, :text, :due, :answeredAt, :answer, :actor, :now, :actor)
                    ON CONFLICT (id) DO UPDATE SET answered_at = EXCLUDED.answered_at, answer = EXCLUDED.answer,
                        updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                    WHERE tender_objection.answered_at IS NULL""")
                    .param("id", o.id()).param("t", t.id()).param("raised", at(o.raisedAt())).param("objector", o.objectorId())
                    .param("text", o.text()).param("due", at(o.answerDue())).param("answeredAt", at(o.answeredAt()))
                    .param("answer", o.answer()).param("actor", actor).param("now", at(now))
                    .update();
        }
        for (ComplaintSuspension c : t.complaintSuspensions()) {
            jdbc.sql("""
                    INSERT INTO tender_complaint_suspension (tender_id, complaint_id, from_at, until_at, moves_deadline,
                        created_at, created_by, updated_at, updated_by)
                    VALUES (:t, :c, :from, :until, :moves, :now, :actor, :now, :actor)
                    ON CONFLICT (tender_id, complaint_id, from_at) DO UPDATE SET until_at = EXCLUDED.until_at,
                        updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                    WHERE tender_complaint_suspension.until_at <> EXCLUDED.until_at""")
                    .param("t", t.id()).param("c", c.complaintId()).param("from", at(c.from())).param("until", at(c.until()))
                    .param("moves", c.movesDeadline()).param("now", at(now)).param("actor", actor)
                    .update();
        }
    }

    /** How many tender documents a tender has. */
    int documentCount(UUID tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM tender_document WHERE tender_id = :t").param("t", tenderId).query(Integer.class).single();
    }

    /** Writes a draft's revised terms and lots. */
    void updateTerms(Tender t, Instant now, String actor) {
        TenderTerms terms = t.terms();
        int updated = jdbc.sql("""
                UPDATE tender SET project_code = :code, name = :name, category = :category, estimated_price = :estimated,
                    deposit = :deposit, qualification = :qualification, evaluation_method = :method, bid_deadline = :deadline,
                    opening_venue = :venue, bid_validity_days = :validity, documents_available_until = :docs, notice = :notice,
                    version = version + 1, updated_at = :now, updated_by = :actor
                WHERE id = :id AND version = :version AND status = 'DRAFT' AND deleted_at IS NULL""")
                .param("code", terms.projectCode()).param("name", terms.name()).param("category", terms.category())
                .param("estimated", terms.estimatedPrice().yuan()).param("deposit", terms.deposit().yuan())
                .param("qualification", terms.qualification() == null ? "" : terms.qualification())
                .param("method", terms.evaluationMethod().name()).param("deadline", at(t.bidDeadline()))
                .param("venue", terms.openingVenue()).param("validity", terms.bidValidityDays())
                .param("docs", at(terms.documentsAvailableUntil())).param("notice", terms.notice())
                .param("now", at(now)).param("actor", actor).param("id", t.id()).param("version", t.version())
                .update();
        if (updated != 1) {
            throw new DomainException(TenderingError.TENDER_CHANGED_CONCURRENTLY, t.id());
        }
        jdbc.sql("DELETE FROM tender_lot WHERE tender_id = :t").param("t", t.id()).update();
        int position = 0;
        for (TenderTerms.Lot lot : terms.lots()) {
            jdbc.sql("INSERT INTO tender_lot (tender_id, position, name, estimated_price) VALUES (:t, :p, :n, :e)")
                    .param("t", t.id()).param("p", position++).param("n", lot.name()).param("e", lot.estimatedPrice().yuan())
                    .update();
        }
    }

    /** Marks a draft deleted (it stays for the record; no page shows it). */
    void markDeleted(Tender t, Instant now, String actor) {
        int updated = jdbc.sql("""
                UPDATE tender SET deleted_at = :now, deleted_by = :actor, version = version + 1, updated_at = :now, updated_by = :actor
                WHERE id = :id AND version = :version AND status = 'DRAFT' AND deleted_at IS NULL""")
                .param("now", at(now)).param("actor", actor).param("id", t.id()).param("version", t.version()).update();
        if (updated != 1) {
            throw new DomainException(TenderingError.TENDER_CHANGED_CONCURRENTLY, t.id());
        }
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true) // the row mapper's nested reads share this connection
    Optional<Tender> find(UUID id) {
        return jdbc.sql("SELECT * FROM tender WHERE id = :id AND deleted_at IS NULL").param("id", id).query(this::map).optional();
    }

    /** When a terminated tender was terminated (its last change: a terminated tender changes no more); empty otherwise. */
    Optional<java.time.Instant> terminatedAt(UUID id) {
        return jdbc.sql("SELECT updated_at FROM tender WHERE id = :id AND status = 'TERMINATED' AND deleted_at IS NULL")
                .param("id", id).query(java.time.OffsetDateTime.class).optional().map(java.time.OffsetDateTime::toInstant);
    }

    /**
     * The tender, its row share-locked until the transaction ends: closing bidding (which updates the row) waits for
     * whatever the caller is recording against the open tender, and the caller sees the state closing left.
     */
    @org.springframework.transaction.annotation.Transactional
    Optional<Tender> findShared(UUID id) {
        return jdbc.sql("SELECT * FROM tender WHERE id = :id AND deleted_at IS NULL FOR SHARE").param("id", id).query(this::map).optional();
    }

    /**
     * A tender's deposit terms straight from its row and its complaint suspensions, without the aggregate (issue 21:
     * every upload read them twice, and the aggregate's lots, clarifications and objections, which the terms do not
     * use, were three more statements each time). {@code shared}: the row share-locked until the transaction ends, as
     * {@link #findShared}. Empty for no such tender (or a deleted one); a draft's terms are the caller's to refuse.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // both reads on one connection
    Optional<DepositTerms> depositTerms(UUID id, boolean shared) {
        return jdbc.sql("SELECT project_code, name, region_code, tenderee_id, deposit, bid_deadline, bid_validity_days, status"
                        + " FROM tender WHERE id = :id AND deleted_at IS NULL" + (shared ? " FOR SHARE" : ""))
                .param("id", id)
                .query((rs, i) -> new DepositTerms(id, rs.getString("project_code"), rs.getString("name"),
                        rs.getString("region_code"), rs.getObject("tenderee_id", UUID.class), money(rs.getBigDecimal("deposit")),
                        instant(rs, "bid_deadline"), rs.getInt("bid_validity_days"), TenderStatus.valueOf(rs.getString("status")),
                        suspensions(id)))
                .optional();
    }

    private List<ComplaintSuspension> suspensions(UUID id) {
        return jdbc.sql("SELECT * FROM tender_complaint_suspension WHERE tender_id = :t ORDER BY from_at, complaint_id")
                .param("t", id)
                .query((r, i) -> new ComplaintSuspension(r.getObject("complaint_id", UUID.class), instant(r, "from_at"),
                        instant(r, "until_at"), r.getBoolean("moves_deadline"))).list();
    }

    /** Remembers the log entry that recorded (sealed) who raised objection {@code objectionId}. */
    void objectionLogged(UUID objectionId, long seq) {
        jdbc.sql("UPDATE tender_objection SET raised_seq = :seq WHERE id = :id").param("seq", seq).param("id", objectionId).update();
    }

    /** The sealed log entries recording a tender's objectors, by objection. */
    List<Long> objectionEntries(UUID tenderId) {
        return jdbc.sql("SELECT raised_seq FROM tender_objection WHERE tender_id = :t AND raised_seq IS NOT NULL ORDER BY raised_at, id")
                .param("t", tenderId).query(Long.class).list();
    }

    /** Tenders in {@code statuses}, newest deadline last, at most {@code limit}. */
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // the row mapper's nested reads share this connection
    List<Tender> withStatus(List<TenderStatus> statuses, int limit) {
        return jdbc.sql("SELECT * FROM tender WHERE status = ANY(:s) AND deleted_at IS NULL ORDER BY published_at DESC NULLS LAST, created_at DESC, id LIMIT :l")
                .param("s", statuses.stream().map(Enum::name).toArray(String[]::new)).param("l", limit)
                .query(this::map).list();
    }

    /** As {@link #withStatus(List, int)}, only among ({@code among}) or leaving out ({@code !among}) the tenders {@code ids} names. */
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // the row mapper's nested reads share this connection
    List<Tender> withStatusAmong(List<TenderStatus> statuses, java.util.Collection<UUID> ids, boolean among, int limit) {
        return jdbc.sql("SELECT * FROM tender WHERE status = ANY(:s) AND deleted_at IS NULL AND (id = ANY(:x)) = :among ORDER BY published_at DESC NULLS LAST, created_at DESC, id LIMIT :l")
                .param("among", among).param("s", statuses.stream().map(Enum::name).toArray(String[]::new)).param("x", ids.toArray(UUID[]::new))
                .param("l", limit).query(this::map).list();
    }

    /** Tenders of an organisation (as tenderee or agency), newest first. */
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // the row mapper's nested reads share this connection
    List<Tender> ofOrganisation(UUID organisationId) {
        return jdbc.sql("SELECT * FROM tender WHERE (tenderee_id = :o OR agency_id = :o) AND deleted_at IS NULL ORDER BY created_at DESC, id")
                .param("o", organisationId).query(this::map).list();
    }

    /** Published tenders whose deadline has passed: to be closed. */
    List<UUID> duePublished(Instant now) {
        return jdbc.sql("SELECT id FROM tender WHERE status = 'PUBLISHED' AND bid_deadline <= :now")
                .param("now", at(now)).query(UUID.class).list();
    }

    /**
     * Reads the tender's lots, clarifications, objections and suspensions with nested queries: callers run in a
     * transaction, so the nested queries share the outer connection (outside one, each would take a second connection
     * while the first is held, and as many concurrent readers as the pool has connections would wait on each other).
     */
    private Tender map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<TenderTerms.Lot> lots = jdbc.sql("SELECT name, estimated_price FROM tender_lot WHERE tender_id = :t ORDER BY position")
                .param("t", id).query((r, i) -> new TenderTerms.Lot(r.getString("name"), money(r.getBigDecimal("estimated_price"))))
                .list();
        TenderTerms terms = new TenderTerms(rs.getString("project_code"), rs.getString("name"), rs.getString("category"),
                money(rs.getBigDecimal("estimated_price")), money(rs.getBigDecimal("deposit")), rs.getString("qualification"),
                EvaluationMethod.valueOf(rs.getString("evaluation_method")), instant(rs, "bid_deadline"),
                rs.getString("opening_venue"), rs.getInt("bid_validity_days"),
                instant(rs, "documents_available_until"), rs.getString("notice"), lots);
        List<Clarification> clarifications = jdbc.sql(
                "SELECT * FROM tender_clarification WHERE tender_id = :t ORDER BY issued_at, id").param("t", id)
                .query((r, i) -> new Clarification(r.getObject("id", UUID.class), instant(r, "issued_at"), r.getString("text"),
                        r.getBoolean("affects_preparation"), instant(r, "deadline_moved_to"))).list();
        List<Objection> objections = jdbc.sql("SELECT * FROM tender_objection WHERE tender_id = :t ORDER BY raised_at, id")
                .param("t", id)
                .query((r, i) -> new Objection(r.getObject("id", UUID.class), instant(r, "raised_at"),
                        r.getObject("objector_id", UUID.class), r.getString("text"), instant(r, "answer_due"),
                        instant(r, "answered_at"), r.getString("answer"))).list();
        List<ComplaintSuspension> suspensions = suspensions(id);
        return Tender.restore(id, rs.getObject("tenderee_id", UUID.class), rs.getObject("agency_id", UUID.class),
                rs.getString("region_code"), terms, TenderStatus.valueOf(rs.getString("status")), instant(rs, "bid_deadline"),
                instant(rs, "published_at"), instant(rs, "suspended_at"), clarifications, objections, suspensions,
                rs.getLong("version"));
    }

    private static Money money(BigDecimal value) {
        return new Money(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
