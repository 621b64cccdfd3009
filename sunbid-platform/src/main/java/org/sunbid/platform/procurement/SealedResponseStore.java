package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The first stage's sealed responses (procurement's V540): which competition round of sealing's holds an agreement's
 * responses, whether it was opened, and the opened unit prices written to the response rows. Plain SQL, nothing else.
 */
@Repository
class SealedResponseStore {

    /**
     * An agreement's response round: its number on the agreement's lot and, once the responses were opened, when and the
     * SM3 of the signed round record (both null before).
     */
    record ResponseRound(int round, Instant openedAt, String recordSm3) {
        boolean opened() {
            return openedAt != null;
        }
    }

    private final JdbcClient jdbc;

    SealedResponseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void round(UUID agreementId, int round) {
        jdbc.sql("UPDATE framework_agreement SET response_round = :r WHERE id = :id").param("id", agreementId).param("r", round)
                .update();
    }

    /** The agreement's response round; empty for an agreement created before V540 (responses in plain). */
    Optional<ResponseRound> round(UUID agreementId) {
        return jdbc.sql("""
                SELECT response_round, responses_opened_at, response_record_sm3 FROM framework_agreement
                WHERE id = :id AND response_round IS NOT NULL""")
                .param("id", agreementId)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(2);
                    return new ResponseRound(rs.getInt(1), at == null ? null : at.toInstant(), rs.getString(3));
                }).optional();
    }

    void opened(UUID agreementId, Instant at, String recordSm3, String by) {
        jdbc.sql("""
                UPDATE framework_agreement SET responses_opened_at = :at, response_record_sm3 = :sm3, updated_at = :at,
                    updated_by = :by WHERE id = :id""")
                .param("id", agreementId).param("at", Timestamp.from(at)).param("sm3", recordSm3).param("by", by).update();
    }

    /** The unit prices a response's sealed sheet opened with (written once, at the opening). */
    void prices(UUID responseId, Map<Integer, BigDecimal> prices) {
        for (Map.Entry<Integer, BigDecimal> p : prices.entrySet()) {
            jdbc.sql("""
                    INSERT INTO framework_response_price (response_id, item_no, unit_price) VALUES (:r, :no, :price)
                    ON CONFLICT DO NOTHING""")
                    .param("r", responseId).param("no", p.getKey()).param("price", p.getValue()).update();
        }
    }
}
