package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.mall.domain.Comparison;
import org.sunbid.platform.mall.domain.GroupPurchase;
import org.sunbid.platform.mall.domain.ProductKey;
import org.sunbid.platform.mall.domain.ReverseAuction;

/**
 * The mall's reverse auction (反拍) and group purchase (团购) in plain Java with an injected, movable clock: bidding
 * down by at least one decrement below one's own previous bid and the ceiling, the window, what a bidder is shown
 * (its own bids only), ties to the earlier bid, failure with too few suppliers or buyers, the group's combined quantity
 * and its quotes for it, the dated rule's least decrement.
 */
class MallBiddingTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    private static final UUID LA = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID LB = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    private static final UUID LC = UUID.fromString("00000000-0000-4000-8000-0000000000c1");

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private static BigDecimal y(String s) {
        return new BigDecimal(s);
    }

    private final MovingClock clock = new MovingClock();

    private ReverseAuction auction() {
        return ReverseAuction.open(new ReverseAuction.Terms(100, y("5000.00"), y("5.00"), T0, T0.plus(Duration.ofDays(1)), 3), clock);
    }

    @Test
    void bidsGoDownByAtLeastOneDecrement_belowTheCeilingFirst_thenBelowTheOwnPreviousBid() {
        ReverseAuction a = auction();
        assertThat(a.limitFor(A)).isEqualByComparingTo("4995.00");
        assertThat(a.bid(A, LA, y("4995.01")).refusal()).isEqualTo(ReverseAuction.Refusal.TOO_HIGH);
        assertThat(a.bid(A, LA, y("5000.00")).refusal()).isEqualTo(ReverseAuction.Refusal.TOO_HIGH);
        ReverseAuction.Decision first = a.bid(A, LA, y("4995.00"));
        assertThat(first.accepted()).isTrue();
        assertThat(first.limit()).isEqualByComparingTo("4990.00");
        clock.advance(Duration.ofMinutes(1));
        assertThat(a.bid(A, LA, y("4994.00")).refusal()).isEqualTo(ReverseAuction.Refusal.TOO_HIGH);
        assertThat(a.bid(A, LA, y("4800.00")).accepted()).isTrue();
        assertThat(a.bid(A, LA, y("4799.999")).refusal()).isEqualTo(ReverseAuction.Refusal.MALFORMED);
        assertThat(a.bid(A, LA, y("-1")).refusal()).isEqualTo(ReverseAuction.Refusal.MALFORMED);
        // another supplier's limit is still the ceiling's: bids of others change nothing for it
        assertThat(a.limitFor(B)).isEqualByComparingTo("4995.00");
        assertThat(a.bid(B, LB, y("4995.00")).accepted()).isTrue();
    }

    @Test
    void secrecy_aBidderIsShownItsOwnBidsOnly_andItsRefusalsDependOnNothingElse() {
        ReverseAuction quiet = auction();
        ReverseAuction busy = auction();
        busy.bid(B, LB, y("4000.00"));
        busy.bid(C, LC, y("3900.00"));
        // the same bids by A meet the same decisions and limits whatever the rivals did
        for (ReverseAuction a : List.of(quiet, busy)) {
            assertThat(a.bid(A, LA, y("4996.00")).refusal()).isEqualTo(ReverseAuction.Refusal.TOO_HIGH);
            ReverseAuction.Decision d = a.bid(A, LA, y("4900.00"));
            assertThat(d.accepted()).isTrue();
            assertThat(d.limit()).isEqualByComparingTo("4895.00");
            assertThat(a.own(A)).extracting(Comparison.Quote::unitPrice).containsExactly(y("4900.00"));
        }
        assertThat(busy.own(A)).noneMatch(q -> !q.supplierId().equals(A));
    }

    @Test
    void theWindow_noBidBeforeTheOpeningNorAtOrAfterTheClose_andNoCloseBeforeIt() {
        ReverseAuction later = ReverseAuction.open(new ReverseAuction.Terms(1, y("100.00"), y("1.00"), T0.plusSeconds(60),
                T0.plusSeconds(3600), 1), clock);
        assertThat(later.bid(A, LA, y("90.00")).refusal()).isEqualTo(ReverseAuction.Refusal.NOT_OPEN);
        clock.advance(Duration.ofSeconds(60));
        assertThat(later.bid(A, LA, y("90.00")).accepted()).isTrue();
        assertThatThrownBy(() -> later.close(q -> true)).isInstanceOf(IllegalStateException.class);
        clock.advance(Duration.ofSeconds(3540)); // exactly the close: late
        assertThat(later.biddingNow()).isFalse();
        assertThat(later.bid(A, LA, y("80.00")).refusal()).isEqualTo(ReverseAuction.Refusal.CLOSED);
        assertThat(later.dueToClose()).isTrue();
        assertThat(later.close(q -> true).status()).isEqualTo(ReverseAuction.Status.AWARDED);
        assertThat(later.bid(A, LA, y("70.00")).refusal()).isEqualTo(ReverseAuction.Refusal.CLOSED);
        assertThatThrownBy(() -> later.close(q -> true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void atTheClose_eachSuppliersLastBidStands_theLowestWins_aTieGoesToTheEarlierBid() {
        ReverseAuction a = auction();
        a.bid(A, LA, y("4900.00"));
        clock.advance(Duration.ofMinutes(1));
        a.bid(B, LB, y("4800.00"));
        clock.advance(Duration.ofMinutes(1));
        a.bid(C, LC, y("4850.00"));
        clock.advance(Duration.ofMinutes(1));
        a.bid(A, LA, y("4800.00")); // A reaches B's price later: B keeps the lead
        clock.advance(Duration.ofDays(1));
        ReverseAuction.Outcome o = a.close(q -> true);
        assertThat(o.status()).isEqualTo(ReverseAuction.Status.AWARDED);
        assertThat(o.winner().supplierId()).isEqualTo(B);
        assertThat(o.standing()).extracting(Comparison.Quote::supplierId).containsExactly(B, A, C);
        assertThat(o.validSuppliers()).isEqualTo(3);
    }

    @Test
    void tooFewSuppliers_fail_andASupplierNoLongerEligibleAtTheCloseDoesNotCount() {
        ReverseAuction two = auction();
        two.bid(A, LA, y("4900.00"));
        two.bid(A, LA, y("4800.00"));
        two.bid(B, LB, y("4700.00"));
        clock.advance(Duration.ofDays(1));
        ReverseAuction.Outcome failed = two.close(q -> true);
        assertThat(failed.status()).isEqualTo(ReverseAuction.Status.FAILED);
        assertThat(failed.winner()).isNull();
        assertThat(failed.validSuppliers()).isEqualTo(2); // many bids, two suppliers

        clock.now = T0;
        ReverseAuction three = auction();
        three.bid(A, LA, y("4900.00"));
        three.bid(B, LB, y("4700.00"));
        three.bid(C, LC, y("4800.00"));
        clock.advance(Duration.ofDays(1));
        // B lost its listing (or was restricted) before the close: two valid suppliers remain
        assertThat(three.close(q -> !q.supplierId().equals(B)).status()).isEqualTo(ReverseAuction.Status.FAILED);
    }

    @Test
    void groupPurchase_buyersJoinUntilTheJoinDeadline_suppliersQuoteForTheCombinedQuantity_sealed() {
        Instant joinUntil = T0.plus(Duration.ofDays(2));
        GroupPurchase g = GroupPurchase.open(new GroupPurchase.Terms(y("168.00"), joinUntil, joinUntil.plus(Duration.ofDays(1)), 3, 2),
                clock);
        UUID buyer1 = UUID.randomUUID();
        UUID buyer2 = UUID.randomUUID();
        assertThat(g.phase()).isEqualTo(GroupPurchase.Phase.JOINING);
        assertThat(g.quote(A, LA, y("150.00"))).isEqualTo(GroupPurchase.Refusal.WRONG_PHASE);
        assertThat(g.join(buyer1, 40)).isNull();
        assertThat(g.join(buyer2, 0)).isEqualTo(GroupPurchase.Refusal.MALFORMED);
        assertThat(g.join(buyer2, 25)).isNull();
        assertThat(g.join(buyer2, 35)).isNull(); // a buyer changes its share
        assertThat(g.totalQuantity()).isEqualTo(75);
        assertThat(g.members()).hasSize(2);

        clock.now = joinUntil;
        assertThat(g.phase()).isEqualTo(GroupPurchase.Phase.QUOTING);
        assertThat(g.join(UUID.randomUUID(), 10)).isEqualTo(GroupPurchase.Refusal.WRONG_PHASE);
        assertThat(g.quote(A, LA, y("168.01"))).isEqualTo(GroupPurchase.Refusal.ABOVE_CEILING);
        assertThat(g.quote(A, LA, y("160.00"))).isNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(g.quote(B, LB, y("150.00"))).isNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(g.quote(C, LC, y("155.00"))).isNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(g.quote(A, LA, y("150.00"))).isNull(); // A replaces its quote: equal to B's but later
        assertThat(g.own(A).orElseThrow().unitPrice()).isEqualByComparingTo("150.00");
        assertThat(g.own(C).orElseThrow().unitPrice()).isEqualByComparingTo("155.00");

        clock.now = joinUntil.plus(Duration.ofDays(1));
        assertThat(g.quote(C, LC, y("100.00"))).isEqualTo(GroupPurchase.Refusal.WRONG_PHASE);
        ReverseAuction.Outcome o = g.close(q -> true);
        assertThat(o.status()).isEqualTo(ReverseAuction.Status.AWARDED);
        assertThat(o.winner().supplierId()).isEqualTo(B);
        assertThat(o.standing()).extracting(Comparison.Quote::supplierId).containsExactly(B, A, C);
    }

    @Test
    void groupPurchase_failsWithTooFewBuyersOrTooFewQuotes() {
        Instant joinUntil = T0.plus(Duration.ofDays(2));
        GroupPurchase lonely = GroupPurchase.open(new GroupPurchase.Terms(y("168.00"), joinUntil, joinUntil.plus(Duration.ofDays(1)),
                3, 2), clock);
        lonely.join(UUID.randomUUID(), 10);
        clock.now = joinUntil;
        assertThat(lonely.quote(A, LA, y("150.00"))).isEqualTo(GroupPurchase.Refusal.TOO_FEW_BUYERS);
        clock.now = joinUntil.plus(Duration.ofDays(1));
        assertThat(lonely.close(q -> true).status()).isEqualTo(ReverseAuction.Status.FAILED);

        clock.now = T0;
        GroupPurchase few = GroupPurchase.open(new GroupPurchase.Terms(y("168.00"), joinUntil, joinUntil.plus(Duration.ofDays(1)),
                3, 2), clock);
        few.join(UUID.randomUUID(), 10);
        few.join(UUID.randomUUID(), 10);
        clock.now = joinUntil;
        few.quote(A, LA, y("150.00"));
        few.quote(B, LB, y("149.00"));
        clock.now = joinUntil.plus(Duration.ofDays(1));
        ReverseAuction.Outcome o = few.close(q -> true);
        assertThat(o.status()).isEqualTo(ReverseAuction.Status.FAILED);
        assertThat(o.validSuppliers()).isEqualTo(2);
    }

    @Test
    void theRule_leastDecrementIsTheShareOfTheCeilingRoundedUpToTheFen_andSpecsMatchAsTheKeyCompares() {
        BiddingRule rule = new BiddingRule("", LocalDate.of(2025, 1, 1), 3, y("0.001"), 1, 2, "测试");
        assertThat(rule.minDecrement(y("5000.00"))).isEqualByComparingTo("5.00");
        assertThat(rule.minDecrement(y("168.00"))).isEqualByComparingTo("0.17");
        assertThat(rule.minDecrement(y("1.00"))).isEqualByComparingTo("0.01");
        assertThatThrownBy(() -> new BiddingRule("", LocalDate.of(2025, 1, 1), 0, y("0.001"), 1, 2, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProductKey.meets(Map.of("CPU", "兆芯 KX-7000", "内存", "16GB"), Map.of("内存", "16gb"))).isTrue();
        assertThat(ProductKey.meets(Map.of("CPU", "兆芯 KX-7000", "内存", "16GB"), Map.of("内存", "32GB"))).isFalse();
        assertThat(ProductKey.meets(Map.of("CPU", "兆芯 KX-7000"), Map.of("硬盘", "512GB"))).isFalse();
        assertThat(ProductKey.meets(Map.of("CPU", "兆芯 KX-7000"), Map.of())).isTrue();
        // every competitive mode is allowed up to the cap, direct only up to the direct limit
        MallRule mallRule = new MallRule("", LocalDate.of(2025, 1, 1), y("200000"), y("1000000"), "x");
        assertThat(mallRule.allows(OrderMode.REVERSE_AUCTION, y("500000"))).isTrue();
        assertThat(mallRule.allows(OrderMode.GROUP_PURCHASE, y("1000000.01"))).isFalse();
        assertThat(mallRule.allows(OrderMode.DIRECT, y("500000"))).isFalse();
    }
}
