package org.sunbid.platform.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Law 46 / 政府采购法 Art. 46: the contract within 30 days of the award notice — a reminder before it is due, a flag once
 * overdue; 政府采购法实施条例 Art. 50: a procurement contract's publication flagged once overdue.
 */
@Component
class ContractDeadlines {

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final AuditLog log;
    private final Clock clock;

    ContractDeadlines(JdbcClient jdbc, Tenders tenders, AuditLog log, Clock clock) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Reminds the parties {@link Awards#REMIND_BEFORE} before the contract is due and flags it to the supervisor once
     * overdue, each once, in public log entries. Returns how many reminders and flags were logged.
     */
    @Scheduled(fixedDelayString = "${sunbid.evaluation.contract-check-interval:PT1H}")
    @Transactional
    public int check() {
        Instant now = clock.instant();
        int n = 0;
        for (var r : jdbc.sql("""
                UPDATE award SET reminded_at = :now WHERE contract_signed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM award_refusal f WHERE f.tender_id = award.tender_id)
                  AND reminded_at IS NULL AND contract_due - CAST(:before AS INTERVAL) <= :now
                RETURNING tender_id, contract_due, contract_rule""")
                .param("now", EvaluationStore.utc(now)).param("before", Awards.REMIND_BEFORE.toDays() + " days")
                .query(ContractDeadlines::due)
                .list()) {
            log.record(AuditRecord.of("evaluation.contract.reminder", r.tenderId().toString(), region(r.tenderId()), Actor.SYSTEM,
                    Map.of("tenderId", r.tenderId().toString(), "contractDue", r.due().toString(), "rule", r.rule() == null ? "《招标投标法》第四十六条" : r.rule())));
            n++;
        }
        for (var r : jdbc.sql("""
                UPDATE award SET overdue_flagged_at = :now WHERE contract_signed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM award_refusal f WHERE f.tender_id = award.tender_id)
                  AND overdue_flagged_at IS NULL AND contract_due < :now
                RETURNING tender_id, contract_due, contract_rule""")
                .param("now", EvaluationStore.utc(now))
                .query(ContractDeadlines::due)
                .list()) {
            log.record(AuditRecord.of("evaluation.contract.overdue", r.tenderId().toString(), region(r.tenderId()), Actor.SYSTEM,
                    Map.of("tenderId", r.tenderId().toString(), "contractDue", r.due().toString(), "to", "SUPERVISOR",
                            "rule", (r.rule() == null ? "《招标投标法》第四十六条" : r.rule()) + "：中标通知书发出之日起三十日内订立书面合同")));
            n++;
        }
        // 政府采购法实施条例 Art. 50: a signed procurement contract not published within 2 working days
        for (var r : jdbc.sql("""
                UPDATE award SET contract_publication_flagged_at = :now WHERE contract_published_at IS NULL
                  AND contract_publication_flagged_at IS NULL AND contract_publication_due < :now
                RETURNING tender_id, contract_publication_due, NULL""")
                .param("now", EvaluationStore.utc(now))
                .query(ContractDeadlines::due)
                .list()) {
            log.record(AuditRecord.of("evaluation.contract.publication-overdue", r.tenderId().toString(), region(r.tenderId()),
                    Actor.SYSTEM, Map.of("tenderId", r.tenderId().toString(), "publicationDue", r.due().toString(), "to", "SUPERVISOR",
                            "rule", "《政府采购法实施条例》第五十条：政府采购合同签订之日起2个工作日内公告")));
            n++;
        }
        return n;
    }

    private record Due(UUID tenderId, Instant due, String rule) {
    }

    private static Due due(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Due(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3));
    }

    private String region(UUID tenderId) {
        return tenders.findPublished(tenderId).map(TenderView::regionCode).orElse(null);
    }
}
