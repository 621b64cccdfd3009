package org.sunbid.platform.tendering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.tendering.domain.FilingRule;
import org.sunbid.platform.tendering.domain.TenderFiling;

/**
 * The filings of tender documents (append-only {@code tender_filing}, {@code tender_filing_decision}) and the regions'
 * filing rules ({@code tender_filing_rule}, maintained data).
 */
@Repository
class FilingRepository {

    private static final String FILING = """
            SELECT f.id, f.tender_id, f.number, f.documents, f.supervisor_id, f.filed_at, f.filed_by, f.filer_id, f.due_at,
                f.review_amount, f.review_unit, f.basis, d.decision, d.reasons, d.decided_at, d.decided_by
            FROM tender_filing f LEFT JOIN tender_filing_decision d ON d.filing_id = f.id""";

    private final JdbcClient jdbc;

    FilingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rules set by {@code regionCodes}. */
    List<FilingRule> rules(List<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT region_code, applies_to, required, review_amount, review_unit, basis, effective_from, effective_to
                FROM tender_filing_rule WHERE region_code = ANY(:r) ORDER BY region_code, applies_to, effective_from""")
                .param("r", regionCodes.toArray(String[]::new))
                .query((rs, i) -> new FilingRule(rs.getString("region_code"), rs.getString("applies_to"), rs.getBoolean("required"),
                        new Limit(rs.getBigDecimal("review_amount"), LimitUnit.valueOf(rs.getString("review_unit")), rs.getString("basis")),
                        rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class)))
                .list();
    }

    /** Sets (or replaces) the version of a region's rule that starts on its effective date. */
    void saveRule(FilingRule rule, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO tender_filing_rule (region_code, applies_to, required, review_amount, review_unit, basis,
                    effective_from, effective_to, updated_at, updated_by)
                VALUES (:r, :a, :req, :amount, :unit, :basis, :from, :to, :now, :by)
                ON CONFLICT (region_code, applies_to, effective_from) DO UPDATE SET required = :req, review_amount = :amount,
                    review_unit = :unit, basis = :basis, effective_to = :to, updated_at = :now, updated_by = :by""")
                .param("r", rule.regionCode()).param("a", rule.appliesTo()).param("req", rule.required())
                .param("amount", rule.review().amount()).param("unit", rule.review().unit().name())
                .param("basis", rule.review().article()).param("from", rule.effectiveFrom()).param("to", rule.effectiveTo())
                .param("now", at(now)).param("by", by).update();
    }

    /** The tender's documents as they are now (name and SM3 of each). */
    List<TenderFiling.FiledDocument> currentDocuments(UUID tenderId) {
        return jdbc.sql("SELECT name, sm3 FROM tender_document WHERE tender_id = :t ORDER BY name").param("t", tenderId)
                .query((rs, i) -> new TenderFiling.FiledDocument(rs.getString("name"), rs.getString("sm3"))).list();
    }

    /** The tender's filings, the latest first. */
    List<TenderFiling> history(UUID tenderId) {
        return jdbc.sql(FILING + " WHERE f.tender_id = :t ORDER BY f.number DESC").param("t", tenderId)
                .query(FilingRepository::map).list();
    }

    Optional<TenderFiling> latest(UUID tenderId) {
        return history(tenderId).stream().findFirst();
    }

    Optional<TenderFiling> find(UUID filingId) {
        return jdbc.sql(FILING + " WHERE f.id = :id").param("id", filingId).query(FilingRepository::map).optional();
    }

    /** The latest filing of each tender filed with {@code supervisorId}, optionally only those still pending. */
    List<TenderFiling> latestFiledWith(UUID supervisorId, boolean pendingOnly, int limit) {
        return jdbc.sql(FILING + "\n" + """
                 WHERE f.supervisor_id = :s AND f.number = (SELECT max(g.number) FROM tender_filing g WHERE g.tender_id = f.tender_id)
                   AND (NOT :pending OR d.filing_id IS NULL)
                 ORDER BY d.decided_at DESC NULLS FIRST, f.due_at LIMIT :limit""")
                .param("s", supervisorId).param("pending", pendingOnly).param("limit", limit)
                .query(FilingRepository::map).list();
    }

    void insert(TenderFiling f) {
        StringBuilder documents = new StringBuilder();
        // names carry no control characters (TenderDocuments cleans them), so a tab and a newline separate safely
        f.documents().forEach(d -> documents.append(d.name()).append('\t').append(d.sm3()).append('\n'));
        jdbc.sql("""
                INSERT INTO tender_filing (id, tender_id, number, documents, documents_sm3, supervisor_id, filed_at, filed_by,
                    filer_id, due_at, review_amount, review_unit, basis)
                VALUES (:id, :t, :n, :docs, :sm3, :s, :at, :by, :filer, :due, :amount, :unit, :basis)""")
                .param("id", f.id()).param("t", f.tenderId()).param("n", f.number()).param("docs", documents.toString())
                .param("sm3", f.documentsSm3()).param("s", f.supervisorId()).param("at", at(f.filedAt()))
                .param("by", f.filedBy()).param("filer", f.filerId()).param("due", at(f.due()))
                .param("amount", f.review().amount()).param("unit", f.review().unit().name()).param("basis", f.review().article())
                .update();
    }

    void insertDecision(TenderFiling f) {
        jdbc.sql("""
                INSERT INTO tender_filing_decision (filing_id, decision, reasons, decided_at, decided_by, overdue)
                VALUES (:id, :d, :r, :at, :by, :late)""")
                .param("id", f.id()).param("d", f.status().name()).param("r", f.reasons() == null ? "" : f.reasons())
                .param("at", at(f.decidedAt())).param("by", f.decidedBy()).param("late", f.overdue(f.decidedAt()))
                .update();
    }

    private static TenderFiling map(ResultSet rs, int i) throws SQLException {
        List<TenderFiling.FiledDocument> documents = new ArrayList<>();
        for (String line : rs.getString("documents").split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                documents.add(new TenderFiling.FiledDocument(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        String decision = rs.getString("decision");
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return TenderFiling.restore(rs.getObject("id", UUID.class), rs.getObject("tender_id", UUID.class), rs.getInt("number"),
                documents, rs.getObject("supervisor_id", UUID.class), rs.getObject("filed_at", OffsetDateTime.class).toInstant(),
                rs.getString("filed_by"), rs.getObject("filer_id", UUID.class),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                new Limit(rs.getBigDecimal("review_amount"), LimitUnit.valueOf(rs.getString("review_unit")), rs.getString("basis")),
                decision == null ? FilingStatus.PENDING : FilingStatus.valueOf(decision), rs.getString("reasons"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decided_by"));
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
