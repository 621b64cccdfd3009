package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CreditRecordViewTest {

    private static final Instant FROM = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-05-01T00:00:00Z");

    private static CreditRecordView record(Set<Gate> gates, Instant withdrawn) {
        return new CreditRecordView(UUID.randomUUID(), CreditSubject.organisation("91990100MA00000001"), "某公司", CreditClass.GENERAL,
                "串通投标", "招标投标法实施条例第六十七条", "云州市住房和城乡建设局", "云建罚〔2026〕1号", "platform", "w-1", "990100",
                gates, FROM, UNTIL, FROM, UNTIL, withdrawn);
    }

    @Test
    void aRestrictionBarsItsGatesFromItsStartUntilItsEndExclusive() {
        CreditRecordView r = record(Set.of(Gate.BIDDING), null);
        assertThat(r.restricts(Gate.BIDDING, FROM.minusSeconds(1))).isFalse();
        assertThat(r.restricts(Gate.BIDDING, FROM)).isTrue();
        assertThat(r.restricts(Gate.BIDDING, UNTIL.minusSeconds(1))).isTrue();
        assertThat(r.restricts(Gate.BIDDING, UNTIL)).isFalse();
        assertThat(r.restricts(Gate.EXPERT_DRAW, FROM)).isFalse();
    }

    @Test
    void aWithdrawnRecordNeitherBarsNorIsPublishedFromItsWithdrawal() {
        Instant withdrawn = FROM.plusSeconds(86_400 * 100);
        CreditRecordView r = record(Set.of(Gate.BIDDING), withdrawn);
        assertThat(r.restricts(Gate.BIDDING, withdrawn.minusSeconds(1))).isTrue();
        assertThat(r.publishedAt(withdrawn.minusSeconds(1))).isTrue();
        assertThat(r.restricts(Gate.BIDDING, withdrawn)).isFalse();
        assertThat(r.publishedAt(withdrawn)).isFalse();
    }

    @Test
    void theVerdictNamesEachRecord() {
        CreditVerdict v = new CreditVerdict(Gate.BIDDING, FROM, List.of(record(Set.of(Gate.BIDDING), null)));
        assertThat(v.barred()).isTrue();
        assertThat(v.reasons()).isEqualTo("某公司：串通投标（招标投标法实施条例第六十七条，云州市住房和城乡建设局 云建罚〔2026〕1号）");
        assertThat(new CreditVerdict(Gate.BIDDING, FROM, List.of()).barred()).isFalse();
    }
}
