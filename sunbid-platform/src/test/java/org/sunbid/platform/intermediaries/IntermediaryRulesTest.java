package org.sunbid.platform.intermediaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.platform.intermediaries.domain.DirectThreshold;
import org.sunbid.platform.intermediaries.domain.Eligibility;
import org.sunbid.platform.intermediaries.domain.IntermediaryDraw;
import org.sunbid.platform.intermediaries.domain.QuoteOpening;

/** The intermediary market's rules in plain Java: eligibility, thresholds, quote opening, the draw. */
class IntermediaryRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final Set<String> QINGSHAN = Set.of("990121", "990100", "990000");

    private static Eligibility.Candidate candidate(String name, boolean approved, String area, LocalDate until, String credit) {
        return new Eligibility.Candidate(UUID.nameUUIDFromBytes(name.getBytes()), name, approved, Set.of(area),
                List.of(new Eligibility.Qualification("COST_CONSULTING", "C-" + name, "甲级", DAY.minusYears(1), until)), credit);
    }

    @Test
    void eligibility_needsApprovalAreaValidQualificationAndNoCreditBar() {
        var ok = candidate("a", true, "990100", DAY, null); // valid through its last day
        var pending = candidate("b", false, "990100", DAY.plusYears(1), null);
        var elsewhere = candidate("c", true, "990122", DAY.plusYears(1), null);
        var expired = candidate("d", true, "990000", DAY.minusDays(1), null);
        var barred = candidate("e", true, "990000", DAY.plusYears(1), "某公司：出具虚假报告（…，云建罚〔2026〕34号）");
        var otherKind = new Eligibility.Candidate(UUID.randomUUID(), "f", true, Set.of("990000"),
                List.of(new Eligibility.Qualification("DESIGN", "D", "甲级", DAY.minusYears(1), DAY.plusYears(1))), null);
        Eligibility.Outcome o = Eligibility.sort(List.of(ok, pending, elsewhere, expired, barred, otherKind), "COST_CONSULTING",
                QINGSHAN, DAY);
        assertThat(o.eligible()).containsExactly(ok.id());
        assertThat(o.excluded()).extracting(Eligibility.Exclusion::name).containsExactly("b", "c", "d", "e");
        assertThat(o.excluded()).extracting(Eligibility.Exclusion::reason).containsExactly("登记未经审核通过",
                "服务区域不含项目所在地区", "资质 C-d 不在有效期内（2025-11-23 至 2026-11-22）",
                "信用受限：某公司：出具虚假报告（…，云建罚〔2026〕34号）");
        assertThat(Eligibility.refusal(ok, "COST_CONSULTING", QINGSHAN, DAY.plusDays(1))).isPresent();
        assertThat(Eligibility.refusal(ok, "COST_CONSULTING", QINGSHAN, DAY.minusYears(1).minusDays(1))).isPresent();
    }

    @Test
    void directThreshold_nearestRegionFirst_kindBeforeEveryKind_inForceOnly() {
        List<String> lineage = List.of("990121", "990100", "990000");
        var province = new DirectThreshold.Row("990000", null, new BigDecimal("200000"), LocalDate.of(2026, 1, 1), null, "省");
        var city = new DirectThreshold.Row("990100", null, new BigDecimal("100000"), LocalDate.of(2026, 1, 1), null, "市");
        var cityCost = new DirectThreshold.Row("990100", "COST_CONSULTING", new BigDecimal("50000"), LocalDate.of(2026, 1, 1), null, "市造价");
        var cityOld = new DirectThreshold.Row("990100", "DESIGN", new BigDecimal("300000"), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), "旧");
        List<DirectThreshold.Row> rows = List.of(province, city, cityCost, cityOld);
        assertThat(DirectThreshold.applicable(rows, lineage, "COST_CONSULTING", DAY)).contains(cityCost);
        assertThat(DirectThreshold.applicable(rows, lineage, "DESIGN", DAY)).contains(city);
        assertThat(DirectThreshold.applicable(rows, lineage, "DESIGN", LocalDate.of(2025, 6, 1))).contains(cityOld);
        assertThat(DirectThreshold.applicable(rows, List.of("990000"), "DESIGN", DAY)).contains(province);
        assertThat(DirectThreshold.applicable(rows, List.of("880000"), "DESIGN", DAY)).isEmpty();
        assertThat(DirectThreshold.allows(city, new BigDecimal("100000.00"))).isTrue();
        assertThat(DirectThreshold.allows(city, new BigDecimal("100000.01"))).isFalse();
    }

    @Test
    void quoteOpening_lowestWins_tiesToTheEarlier() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");
        Instant t = Instant.parse("2026-11-23T01:00:00Z");
        var qa = new QuoteOpening.Quote(a, new BigDecimal("500.00"), t.plusSeconds(10));
        var qb = new QuoteOpening.Quote(b, new BigDecimal("500"), t);
        var qc = new QuoteOpening.Quote(c, new BigDecimal("600.00"), t.minusSeconds(100));
        assertThat(QuoteOpening.lowest(List.of(qa, qb, qc))).contains(qb);
        assertThat(QuoteOpening.lowest(List.of())).isEmpty();
    }

    @Test
    void theDrawIsTheExpertDrawsAlgorithm_firstOfTheRanking() {
        byte[] secret = HexFormat.of().parseHex("11".repeat(32));
        String root = "22".repeat(32);
        List<String> pool = List.of("c", "a", "b", "d");
        String drawn = IntermediaryDraw.drawn(secret, root, "draw-1", pool);
        byte[] seed = VerifiableDraw.seed(secret, HexFormat.of().parseHex(root), "draw-1");
        assertThat(pool).contains(drawn);
        assertThat(IntermediaryDraw.drawn(secret, root, "draw-1", List.of("d", "b", "a", "c"))).as("order does not matter")
                .isEqualTo(drawn);
        assertThat(IntermediaryDraw.poolHash(pool)).isEqualTo(IntermediaryDraw.poolHash(List.of("a", "b", "c", "d")));
        assertThat(seed).hasSize(32);
    }
}
