package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.mall.domain.Comparison;
import org.sunbid.platform.mall.MallRule;
import org.sunbid.platform.mall.domain.PaymentTerm;
import org.sunbid.platform.mall.domain.PriceCap;
import org.sunbid.platform.mall.PriceEvidence;
import org.sunbid.platform.mall.domain.ProductKey;
import org.sunbid.platform.supervision.PurchaseFact;
import org.sunbid.platform.supervision.SuspectedSplit;
import org.sunbid.platform.supervision.domain.SplitPurchases;

/**
 * The e-mall's rules in plain Java, with the day taken from an injected clock: price caps and bait prices (浙江 listing
 * guide 2025; the "same period" of 30 days and the bait share of 50 % are our readings, ⚠), duplicates, the
 * direct/comparison/cap thresholds, comparison's three quotes, the 30/60-day payment term and late interest
 * (保障中小企业款项支付条例 Art. 9, 10, 17, read) and split orders (政府采购法实施条例 Art. 28, read; the mall's cap as the
 * threshold is our stricter reading, ⚠) as supervision's check sees the mall's orders.
 */
class MallRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final String SM3 = "a".repeat(64);

    private static PriceEvidence manufacturer(String price, LocalDate on) {
        return new PriceEvidence(PriceEvidence.Kind.MANUFACTURER, new BigDecimal(price), "厂商官网价目表", on, SM3);
    }

    private static PriceEvidence ecommerce(String price, LocalDate on) {
        return new PriceEvidence(PriceEvidence.Kind.ECOMMERCE, new BigDecimal(price), "京东自营", on, SM3);
    }

    @Test
    void priceCap_theLowerOfManufacturerAndEcommerceInThePeriod_equalIsAllowed() {
        List<PriceEvidence> evidence = List.of(manufacturer("5299.00", TODAY.minusDays(3)), ecommerce("4999.00", TODAY.minusDays(1)),
                ecommerce("5099.00", TODAY));
        assertThat(PriceCap.check(new BigDecimal("4999.00"), evidence, TODAY, null).outcome()).isEqualTo(PriceCap.Outcome.WITHIN);
        PriceCap.Verdict above = PriceCap.check(new BigDecimal("4999.01"), evidence, TODAY, null);
        assertThat(above.outcome()).isEqualTo(PriceCap.Outcome.ABOVE_CAP);
        assertThat(above.cap()).isEqualByComparingTo("4999.00");
        assertThat(above.manufacturer()).isEqualByComparingTo("5299.00");
        assertThat(above.ecommerce()).isEqualByComparingTo("4999.00");
        assertThat(above.binding().kind()).isEqualTo(PriceEvidence.Kind.ECOMMERCE);
        // the manufacturer's price caps too when it is the lower one
        List<PriceEvidence> lowerManufacturer = List.of(manufacturer("4800.00", TODAY), ecommerce("4999.00", TODAY));
        assertThat(PriceCap.check(new BigDecimal("4900.00"), lowerManufacturer, TODAY, null).outcome())
                .isEqualTo(PriceCap.Outcome.ABOVE_CAP);
    }

    @Test
    void priceCap_evidenceOutsideTheSamePeriodDoesNotCount() {
        LocalDate old = TODAY.minusDays(PriceCap.SAME_PERIOD_DAYS + 1);
        List<PriceEvidence> stale = List.of(manufacturer("5299.00", old), ecommerce("4999.00", TODAY));
        assertThat(PriceCap.check(new BigDecimal("4000.00"), stale, TODAY, null).outcome())
                .isEqualTo(PriceCap.Outcome.EVIDENCE_MISSING);
        // a cheaper shop price read long ago no longer caps
        List<PriceEvidence> withOld = List.of(manufacturer("5299.00", TODAY.minusDays(PriceCap.SAME_PERIOD_DAYS)),
                ecommerce("4999.00", TODAY), ecommerce("3000.00", old));
        assertThat(PriceCap.check(new BigDecimal("4999.00"), withOld, TODAY, null).within()).isTrue();
        assertThat(PriceCap.check(new BigDecimal("1.00"), List.of(), TODAY, null).outcome())
                .isEqualTo(PriceCap.Outcome.EVIDENCE_MISSING);
    }

    @Test
    void baitPrice_belowHalfTheCapWithoutReason_refused_withAReasonAllowed() {
        List<PriceEvidence> evidence = List.of(manufacturer("1000.00", TODAY), ecommerce("1000.00", TODAY));
        assertThat(PriceCap.check(new BigDecimal("499.99"), evidence, TODAY, null).outcome()).isEqualTo(PriceCap.Outcome.BAIT);
        assertThat(PriceCap.check(new BigDecimal("499.99"), evidence, TODAY, "  ").outcome()).isEqualTo(PriceCap.Outcome.BAIT);
        assertThat(PriceCap.check(new BigDecimal("500.00"), evidence, TODAY, null).outcome()).isEqualTo(PriceCap.Outcome.WITHIN);
        assertThat(PriceCap.check(new BigDecimal("300.00"), evidence, TODAY, "厂商清仓，至 2026-12-31").outcome())
                .isEqualTo(PriceCap.Outcome.WITHIN);
        assertThat(PriceCap.check(new BigDecimal("499.99"), evidence, TODAY, null).baitFloor()).isEqualByComparingTo("500.00");
    }

    @Test
    void evidenceNeedsSourceAndAnSm3() {
        assertThatThrownBy(() -> new PriceEvidence(PriceEvidence.Kind.ECOMMERCE, BigDecimal.TEN, " ", TODAY, SM3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceEvidence(PriceEvidence.Kind.ECOMMERCE, BigDecimal.TEN, "京东", TODAY, "abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicates_sameBrandModelAndSpecs_whateverTheCaseWidthOrOrder() {
        String a = ProductKey.of("联想", "ThinkCentre M90t", Map.of("CPU", "i7-14700", "内存", "16GB"));
        String b = ProductKey.of("联想 ", "thinkcentre  m90t", Map.of("内存", "１６GB", "CPU", "I7-14700"));
        String c = ProductKey.of("联想", "ThinkCentre M90t", Map.of("CPU", "i7-14700", "内存", "32GB"));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void thresholds_directUpToTheLimitInclusive_comparisonAbove_neverAboveTheCap() {
        MallRule rule = new MallRule("", TODAY, new BigDecimal("200000.00"), new BigDecimal("1000000.00"), "测试");
        assertThat(rule.need(new BigDecimal("200000.00"))).isEqualTo(MallRule.Need.DIRECT_ALLOWED); // 以下 includes the figure
        assertThat(rule.need(new BigDecimal("200000.01"))).isEqualTo(MallRule.Need.COMPARISON_REQUIRED);
        assertThat(rule.need(new BigDecimal("1000000.00"))).isEqualTo(MallRule.Need.COMPARISON_REQUIRED);
        assertThat(rule.need(new BigDecimal("1000000.01"))).isEqualTo(MallRule.Need.OVER_CAP);
        assertThat(rule.allows(OrderMode.DIRECT, new BigDecimal("300000"))).isFalse();
        assertThat(rule.allows(OrderMode.COMPARISON, new BigDecimal("300000"))).isTrue();
        assertThat(rule.allows(OrderMode.COMPARISON, new BigDecimal("50000"))).isTrue();
        assertThatThrownBy(() -> new MallRule("", TODAY, new BigDecimal("2"), new BigDecimal("1"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparison_threeDifferentSuppliers_lowestWins_tieToTheEarlier() {
        UUID s1 = UUID.randomUUID(), s2 = UUID.randomUUID(), s3 = UUID.randomUUID();
        Instant t = CLOCK.instant();
        Comparison.Quote q1 = new Comparison.Quote(UUID.randomUUID(), s1, new BigDecimal("4800"), t.plusSeconds(2));
        Comparison.Quote q2 = new Comparison.Quote(UUID.randomUUID(), s2, new BigDecimal("4700"), t.plusSeconds(3));
        Comparison.Quote q3 = new Comparison.Quote(UUID.randomUUID(), s3, new BigDecimal("4700"), t.plusSeconds(1));
        assertThat(Comparison.winner(List.of(q1, q2, q3))).isEqualTo(q3);
        assertThat(Comparison.enough(List.of(q1, q2))).isFalse();
        Comparison.Quote sameSupplier = new Comparison.Quote(UUID.randomUUID(), s1, new BigDecimal("4000"), t);
        assertThat(Comparison.enough(List.of(q1, q2, sameSupplier))).isFalse();
        assertThatThrownBy(() -> Comparison.winner(List.of(q1, q2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smePayment_art9_art10_thirtyDaysFromAcceptance_contractAtMostSixty_overdueTheDayAfter() {
        LocalDate accepted = LocalDate.of(2026, 12, 7);
        assertThat(PaymentTerm.due(accepted, PaymentTerm.DEFAULT_DAYS)).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(PaymentTerm.due(accepted, 60)).isEqualTo(LocalDate.of(2027, 2, 5));
        assertThatThrownBy(() -> PaymentTerm.due(accepted, 61)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PaymentTerm.valid(0)).isFalse();
        LocalDate due = PaymentTerm.due(accepted, 30);
        assertThat(PaymentTerm.overdue(due, due)).isFalse();
        assertThat(PaymentTerm.overdue(due, due.plusDays(1))).isTrue();
    }

    @Test
    void smePayment_art17_lateInterestIsFiveTenThousandthsADayWithoutAnAgreedRate() {
        LocalDate due = LocalDate.of(2027, 1, 6);
        BigDecimal total = new BigDecimal("123456.78");
        assertThat(PaymentTerm.lateInterest(total, due, due)).isEqualByComparingTo("0.00");
        assertThat(PaymentTerm.lateInterest(total, due, due.minusDays(3))).isEqualByComparingTo("0.00");
        // one day late: 123456.78 × 0.0005 = 61.72839 → 61.73
        assertThat(PaymentTerm.lateInterest(total, due, due.plusDays(1))).isEqualByComparingTo("61.73");
        // 31 days late (paid 2027-02-06): 123456.78 × 0.0005 × 31 = 1913.58009 → 1913.58
        assertThat(PaymentTerm.lateInterest(total, due, LocalDate.of(2027, 2, 6))).isEqualByComparingTo("1913.58");
        assertThat(PaymentTerm.lateInterest(total, null, due)).isEqualByComparingTo("0.00");
    }

    @Test
    void splitOrders_reg28_sameBuyerItemAndYear_togetherAboveTheMallCap_flagged() {
        MallRule rule = new MallRule("", LocalDate.of(2026, 1, 1), new BigDecimal("200000"), new BigDecimal("1000000"), "测试");
        UUID buyer = UUID.randomUUID();
        OrderView first = order(buyer, "A02010104", "600000.00");
        OrderView second = order(buyer, "A02010104", "500000.00");
        OrderView otherItem = order(buyer, "A02021001", "900000.00");
        List<PurchaseFact> facts = List.of(MallPurchases.fact(first, LocalDate.of(2026, 3, 2), rule),
                MallPurchases.fact(second, LocalDate.of(2026, 9, 30), rule),
                MallPurchases.fact(otherItem, LocalDate.of(2026, 9, 30), rule));
        List<SuspectedSplit> splits = SplitPurchases.find(facts);
        assertThat(splits).hasSize(1);
        assertThat(splits.get(0).itemCode()).isEqualTo("A02010104");
        assertThat(splits.get(0).total()).isEqualByComparingTo("1100000.00");
        // the next year's order does not join this year's
        List<PurchaseFact> acrossYears = List.of(MallPurchases.fact(first, LocalDate.of(2026, 3, 2), rule),
                MallPurchases.fact(second, LocalDate.of(2027, 1, 4), rule));
        assertThat(SplitPurchases.find(acrossYears)).isEmpty();
    }

    private static OrderView order(UUID buyer, String item, String total) {
        return new OrderView(UUID.randomUUID(), "DM-TEST", buyer, "测试采购人", "990100", UUID.randomUUID(), "台式计算机",
                UUID.randomUUID(), "测试供应商", item, 100, new BigDecimal(total).movePointLeft(2), new BigDecimal(total),
                OrderMode.COMPARISON, "测试", OrderStatus.PLACED, CLOCK.instant(), CLOCK.instant(), TODAY, 30, null, null, null,
                null, false, null, List.of());
    }
}
