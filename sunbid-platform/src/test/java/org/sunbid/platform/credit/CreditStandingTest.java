package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A standing read once answers at any instant as a query then would (the live auction room asks it for every bid). */
class CreditStandingTest {

    private static final Instant T = Instant.parse("2026-11-30T02:00:00Z");
    private static final CreditSubject LEAD = CreditSubject.organisation("91990100MA00000001");
    private static final CreditSubject MEMBER = CreditSubject.organisation("91990100MA00000002");

    private static CreditRecordView record(CreditSubject subject, Instant from, Instant until, Instant withdrawn) {
        return new CreditRecordView(UUID.randomUUID(), subject, "某公司", CreditClass.SERIOUS, "竞得后不签订成交确认书",
                "国土资源部令第39号", "云州市自然资源和规划局", null, "platform", "s-" + UUID.randomUUID(), "990100",
                Set.of(Gate.AUCTION_QUALIFICATION), from, until, null, null, withdrawn);
    }

    @Test
    void aRestrictionStartingLaterBarsFromItsInstantAndEndsAtItsEnd_noQueryBetween() {
        CreditRecordView later = record(LEAD, T.plusSeconds(30), T.plusSeconds(90), null);
        CreditStanding s = new CreditStanding(Gate.AUCTION_QUALIFICATION, List.of(LEAD), List.of(later));
        assertThat(s.bars(T)).isFalse();
        assertThat(s.at(T).barred()).isFalse();
        assertThat(s.bars(T.plusSeconds(30).minusMillis(1))).isFalse();
        assertThat(s.bars(T.plusSeconds(30))).isTrue();
        assertThat(s.at(T.plusSeconds(30)).barredBy()).containsExactly(later);
        assertThat(s.bars(T.plusSeconds(90))).isFalse();
    }

    @Test
    void aWithdrawnRecordBarsOnlyUntilItsWithdrawal_andAnotherGateIsNotBarred() {
        CreditRecordView r = record(LEAD, T.minusSeconds(60), null, T.plusSeconds(10));
        CreditStanding s = new CreditStanding(Gate.AUCTION_QUALIFICATION, List.of(LEAD), List.of(r));
        assertThat(s.bars(T)).isTrue();
        assertThat(s.bars(T.plusSeconds(10))).isFalse();
        assertThat(new CreditStanding(Gate.BIDDING, List.of(LEAD), List.of(r)).bars(T)).isFalse();
    }

    @Test
    void caiku2016_125_aConsortiumIsBarredByAnyMember_thePartOfOneSubjectKeepsOnlyItsRecords() {
        CreditRecordView member = record(MEMBER, T.minusSeconds(60), null, null);
        CreditRecordView lead = record(LEAD, T.minusSeconds(30), null, null);
        List<CreditSubject> subjects = List.of(LEAD, MEMBER);
        CreditStanding s = new CreditStanding(Gate.AUCTION_QUALIFICATION, subjects,
                CreditStanding.ordered(subjects, List.of(member, lead)));
        assertThat(s.at(T).barredBy()).containsExactly(lead, member); // the subjects' order, as CreditChecks answers
        assertThat(s.concerns(MEMBER)).isTrue();
        assertThat(s.of(List.of(LEAD)).records()).containsExactly(lead);
        assertThat(s.of(List.of(LEAD)).concerns(MEMBER)).isFalse();
    }
}
