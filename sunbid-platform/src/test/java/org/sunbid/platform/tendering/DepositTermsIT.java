package org.sunbid.platform.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.tendering.domain.Tender;

/**
 * Issue 21: a tender's deposit terms (read twice by every upload, and by payments) come from the tender's row and its
 * complaint suspensions, no longer through the whole aggregate; they are the very terms the aggregate gives, for every
 * tender of the demo and for one with complaint suspensions, plain and held (share-locked); a draft and an unknown tender
 * have none.
 */
class DepositTermsIT extends PlatformIT {

    @Autowired
    Tenders tenders;
    @Autowired
    TenderRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** The terms as they were built before: from the aggregate. */
    private DepositTerms fromAggregate(UUID id) {
        Tender t = repository.find(id).orElseThrow();
        return new DepositTerms(t.id(), t.terms().projectCode(), t.terms().name(), t.regionCode(), t.tendereeId(),
                t.terms().deposit(), t.bidDeadline(), t.terms().bidValidityDays(), t.status(), t.complaintSuspensions());
    }

    @Test
    void theTermsAreTheAggregatesForEveryTender() {
        List<UUID> ids = jdbc.sql("SELECT id FROM tender WHERE status <> 'DRAFT' AND deleted_at IS NULL ORDER BY id")
                .query(UUID.class).list();
        assertThat(ids).hasSizeGreaterThan(5);
        for (UUID id : ids) {
            assertThat(tenders.depositTerms(id)).as("tender %s", id).isEqualTo(fromAggregate(id));
        }
    }

    @Test
    void withComplaintSuspensionsAndHeldTheyAreTheAggregatesToo() {
        UUID id = jdbc.sql("SELECT id FROM tender WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1")
                .query(UUID.class).single();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly(); // nothing of this stays for the other tests
            for (int i = 0; i < 2; i++) {
                jdbc.sql("""
                        INSERT INTO tender_complaint_suspension (tender_id, complaint_id, from_at, until_at, moves_deadline,
                            created_at, created_by, updated_at, updated_by)
                        VALUES (:t, :c, :from, :until, :moves, :now, 'test', :now, 'test')""")
                        .param("t", id).param("c", UUID.randomUUID()).param("from", now.minusDays(2 - i))
                        .param("until", now.plusDays(i)).param("moves", i == 0).param("now", now).update();
            }
            DepositTerms held = tenders.depositTermsHeld(id);
            assertThat(held.complaintSuspensions()).hasSize(2);
            assertThat(held).isEqualTo(fromAggregate(id)).isEqualTo(tenders.depositTerms(id));
            assertThat(held.suspendedByComplaint(clock.instant())).isTrue();
            assertThat(held.acceptsBids(clock.instant())).isFalse();
        });
        assertThat(tenders.depositTerms(id).complaintSuspensions()).isEmpty();
    }

    @Test
    void aDraftAndAnUnknownTenderHaveNone() {
        jdbc.sql("SELECT id FROM tender WHERE status = 'DRAFT' AND deleted_at IS NULL LIMIT 1").query(UUID.class).optional()
                .ifPresent(draft -> assertThatThrownBy(() -> tenders.depositTerms(draft)).isInstanceOf(DomainException.class)
                        .extracting(e -> ((DomainException) e).errorCode()).isEqualTo(TenderingError.TENDER_NOT_FOUND));
        assertThatThrownBy(() -> tenders.depositTerms(UUID.randomUUID())).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).errorCode()).isEqualTo(TenderingError.TENDER_NOT_FOUND);
    }
}
