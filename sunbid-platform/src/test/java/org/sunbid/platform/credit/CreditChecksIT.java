package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;

/** The credit records and the gates' check through the running platform: recorded once, in force by the clock, consortium. */
class CreditChecksIT extends PlatformIT {

    @Autowired CreditRecords records;
    @Autowired CreditChecks checks;
    @Autowired Organisations organisations;
    @Autowired AuditLog log;

    private Organisation bidder(String name) {
        return organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990100"), name,
                OrganisationKind.BIDDER, "990100"), Actor.SYSTEM);
    }

    private CreditRecords.NewRecord ban(Organisation o, String ref, Instant from, Instant until) {
        return new CreditRecords.NewRecord(CreditSubject.organisation(o.creditCode().value()), o.name(), CreditClass.SERIOUS,
                "串通投标", "招标投标法实施条例第六十七条", "云州市住房和城乡建设局", "云建罚〔2026〕" + ref + "号", "platform", ref, "990100",
                Set.of(Gate.BIDDING, Gate.INVITATION), from, until, from, until);
    }

    @Test
    void aRecordIsMadeOnceAndBarsItsGatesOnlyWhileInForceAndOneMemberBarsTheConsortium() {
        Organisation barred = bidder("信用测试受限有限公司");
        Organisation clean = bidder("信用测试守信有限公司");
        Instant now = clock.instant();
        String ref = "IT-" + UUID.randomUUID();
        long before = log.size();
        UUID id = records.record(ban(barred, ref, now, now.plus(Duration.ofDays(365))), Actor.SYSTEM);
        assertThat(records.record(ban(barred, ref, now, now.plus(Duration.ofDays(365))), Actor.SYSTEM)).isEqualTo(id);
        assertThat(log.size()).isEqualTo(before + 1);
        assertThat(records.of(CreditSubject.organisation(barred.creditCode().value()))).extracting(CreditRecordView::id).containsExactly(id);

        CreditVerdict alone = checks.checkOrganisations(Gate.BIDDING, List.of(barred.id()), now);
        assertThat(alone.barred()).isTrue();
        assertThat(alone.reasons()).contains("信用测试受限有限公司", "串通投标", "第六十七条");
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(clean.id()), now).barred()).isFalse();
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(clean.id(), barred.id()), now).barredBy())
                .extracting(CreditRecordView::id).containsExactly(id);
        assertThat(checks.checkOrganisations(Gate.EXPERT_DRAW, List.of(barred.id()), now).barred()).isFalse();
        // by the clock: not before its start, no longer from its end
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(barred.id()), now.minusSeconds(1)).barred()).isFalse();
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(barred.id()), now.plus(Duration.ofDays(365))).barred()).isFalse();
    }

    @Test
    void aRecordWithoutItsBasisOrWithAnEndBeforeItsStartIsRefusedAndNothingIsRecorded() {
        Organisation o = bidder("信用测试字段有限公司");
        Instant now = clock.instant();
        long before = log.size();
        CreditRecords.NewRecord good = ban(o, "IT-" + UUID.randomUUID(), now, now.plusSeconds(60));
        assertThatThrownBy(() -> records.record(new CreditRecords.NewRecord(good.subject(), good.subjectName(), good.creditClass(),
                good.conduct(), " ", good.issuingBody(), good.document(), good.source(), good.sourceRef(), good.regionCode(),
                good.gates(), good.restrictionFrom(), good.restrictionUntil(), good.publicationFrom(), good.publicationUntil()), Actor.SYSTEM))
                .isInstanceOf(DomainException.class).hasMessageContaining("legalBasis");
        assertThatThrownBy(() -> records.record(ban(o, good.sourceRef(), now, now.minusSeconds(1)), Actor.SYSTEM))
                .isInstanceOf(DomainException.class).hasMessageContaining("restrictionUntil");
        assertThat(records.of(CreditSubject.organisation(o.creditCode().value()))).isEmpty();
        assertThat(log.size()).isEqualTo(before);
    }
}
