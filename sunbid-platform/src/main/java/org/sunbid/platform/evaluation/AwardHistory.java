package org.sunbid.platform.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.platform.credit.CreditHistory;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * An organisation's awards and contracts for its credit profile (信用档案, issue 20): each award it won with the date, and
 * the contract signed (or, past its due date, not signed). Evaluation implements credit's port, so credit depends on
 * nothing here.
 */
@Component
class AwardHistory implements CreditHistory {

    private final JdbcClient jdbc;
    private final Tenders tenders;

    AwardHistory(JdbcClient jdbc, Tenders tenders) {
        this.jdbc = jdbc;
        this.tenders = tenders;
    }

    private record Row(UUID tenderId, Instant awardedAt, Instant contractDue, Instant contractSignedAt) {
    }

    @Override
    public List<Entry> of(UUID organisationId, int limit) {
        List<Row> rows = jdbc.sql("""
                SELECT tender_id, awarded_at, contract_due, contract_signed_at FROM award WHERE winner_id = :o
                ORDER BY awarded_at DESC, tender_id LIMIT :n""")
                .param("o", organisationId).param("n", Math.max(1, limit))
                .query((rs, i) -> new Row(rs.getObject("tender_id", UUID.class), instant(rs.getObject("awarded_at", OffsetDateTime.class)),
                        instant(rs.getObject("contract_due", OffsetDateTime.class)),
                        instant(rs.getObject("contract_signed_at", OffsetDateTime.class))))
                .list();
        List<Entry> out = new ArrayList<>();
        for (Row r : rows) {
            String title = tenders.findPublished(r.tenderId()).map(TenderView::terms)
                    .map(t -> t.name() + "（" + t.projectCode() + "）").orElse(r.tenderId().toString());
            String link = "/tenders/" + r.tenderId();
            if (r.contractSignedAt() != null) {
                out.add(new Entry("contract", title, r.contractSignedAt(), link));
            }
            out.add(new Entry("award", title, r.awardedAt(), link));
        }
        return out;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
