package org.sunbid.platform.disclosure.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.sunbid.platform.auction.domain.PremiumRate;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.disclosure.statistics.LotFacts.FailReason;
import org.sunbid.platform.disclosure.statistics.LotFacts.Outcome;

/**
 * The statistics' arithmetic, plain Java. Every figure is computed from exact sums and rounded once, at the end,
 * {@link #ROUNDING half up}:
 * <ul>
 * <li>value (成交金额): the sum of the deals' prices, in yuan to the fen;</li>
 * <li>节约资金 / 节支率 (construction and procurement deals with a budget): Σ(budget − price) and
 * Σ(budget − price) / Σbudget, in percent to 0.01 — the weighted rate, as trading centres publish it;</li>
 * <li>溢价 / 溢价率 (land, mining, property deals with a start price): Σ(price − start) and Σ(price − start) / Σstart,
 * in percent to 0.01, each lot's premium by {@link PremiumRate} in fen (for one lot the rate is its notice's);</li>
 * <li>average bidders: Σ bidders / lots whose bidder count is public (to 0.01); a lot whose count is still sealed
 * counts in neither sum;</li>
 * <li>days from notice to award: over the deals, the mean and the median (the mean of the middle two for an even
 * count) of the exact durations, in days to 0.1.</li>
 * </ul>
 */
final class Figures {

    /** How every figure is rounded, once, at the end. */
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final long DAY = Duration.ofDays(1).toSeconds();
    private static final Set<DealKind> BUDGETED = Set.of(DealKind.GCJS, DealKind.ZFCG);
    private static final Set<DealKind> AUCTIONED = Set.of(DealKind.TDSYQ, DealKind.KYQ, DealKind.GYCQ);

    private Figures() {
    }

    /**
     * The figures of one group of lots. Rates, averages and days are null where no lot qualifies.
     *
     * @param key             the group's key (a kind, a procedure code, a region code, a month yyyy-MM; "total")
     * @param name            its name as people read it
     * @param lots            published lots
     * @param deals           of which deals (成交)
     * @param value           the deals' total price (yuan)
     * @param failed          failed lots (流标, 流拍, 终止)
     * @param savings         节约资金 (yuan), or null
     * @param savingsRate     节支率 (percent), or null
     * @param premium         溢价 (yuan), or null
     * @param premiumRate     溢价率 (percent), or null
     * @param averageBidders  average bidders per lot whose count is public, or null
     * @param lotsWithBidders how many lots that average is over
     * @param medianDays      median days from notice to award, or null
     * @param meanDays        mean days from notice to award, or null
     */
    record Row(String key, String name, int lots, int deals, BigDecimal value, int failed, BigDecimal savings,
            BigDecimal savingsRate, BigDecimal premium, BigDecimal premiumRate, BigDecimal averageBidders, int lotsWithBidders,
            BigDecimal medianDays, BigDecimal meanDays) {
    }

    /** How many lots failed for one reason. */
    record Failure(FailReason reason, int count) {
    }

    /** A region to group by: its code, name and path in the tree. */
    record RegionGroup(String code, String name, String path) {
    }

    /** The figures of {@code lots} under {@code key} and {@code name}. */
    static Row row(String key, String name, List<LotFacts> lots) {
        int deals = 0;
        int failed = 0;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal budgets = BigDecimal.ZERO;
        BigDecimal saved = BigDecimal.ZERO;
        boolean anyBudgeted = false;
        long starts = 0;
        long premiums = 0;
        boolean anyAuctioned = false;
        long bidders = 0;
        int withBidders = 0;
        List<Long> seconds = new ArrayList<>();
        for (LotFacts lot : lots) {
            if (lot.bidders() != null) {
                bidders += lot.bidders();
                withBidders++;
            }
            if (lot.outcome() == Outcome.FAILED) {
                failed++;
            }
            if (lot.outcome() != Outcome.DEAL) {
                continue;
            }
            deals++;
            value = value.add(lot.price());
            if (BUDGETED.contains(lot.kind()) && lot.budget() != null && lot.budget().signum() > 0) {
                anyBudgeted = true;
                budgets = budgets.add(lot.budget());
                saved = saved.add(lot.budget().subtract(lot.price()));
            }
            if (AUCTIONED.contains(lot.kind()) && lot.startPrice() != null && lot.startPrice().signum() > 0) {
                PremiumRate rate = new PremiumRate(fen(lot.price()), fen(lot.startPrice()));
                anyAuctioned = true;
                starts += rate.startPrice();
                premiums += rate.premium();
            }
            if (lot.dealtAt() != null) {
                seconds.add(Duration.between(lot.noticeAt(), lot.dealtAt()).toSeconds());
            }
        }
        return new Row(key, name, lots.size(), deals, value.setScale(2, ROUNDING), failed,
                anyBudgeted ? saved.setScale(2, ROUNDING) : null, anyBudgeted ? percent(saved, budgets) : null,
                anyAuctioned ? BigDecimal.valueOf(premiums, 2) : null,
                anyAuctioned ? percent(BigDecimal.valueOf(premiums), BigDecimal.valueOf(starts)) : null,
                withBidders == 0 ? null : BigDecimal.valueOf(bidders).divide(BigDecimal.valueOf(withBidders), 2, ROUNDING),
                withBidders, median(seconds), mean(seconds));
    }

    /** By kind, in the order of {@link DealKind}; only kinds with lots. */
    static List<Row> byKind(List<LotFacts> lots, Function<DealKind, String> names) {
        Map<DealKind, List<LotFacts>> groups = new EnumMap<>(DealKind.class);
        lots.forEach(l -> groups.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(l));
        return groups.entrySet().stream().map(e -> row(e.getKey().name(), names.apply(e.getKey()), e.getValue())).toList();
    }

    /** By procedure, by code. */
    static List<Row> byProcedure(List<LotFacts> lots, Function<String, String> names) {
        Map<String, List<LotFacts>> groups = new TreeMap<>();
        lots.forEach(l -> groups.computeIfAbsent(l.procedureCode(), k -> new ArrayList<>()).add(l));
        return groups.entrySet().stream().map(e -> row(e.getKey(), names.apply(e.getKey()), e.getValue())).toList();
    }

    /** By the Beijing month of the notice, oldest first. */
    static List<Row> byMonth(List<LotFacts> lots) {
        Map<YearMonth, List<LotFacts>> groups = new TreeMap<>();
        lots.forEach(l -> groups.computeIfAbsent(YearMonth.from(l.noticeAt().atZone(BEIJING)), k -> new ArrayList<>()).add(l));
        return groups.entrySet().stream().map(e -> row(e.getKey().toString(), e.getKey().toString(), e.getValue())).toList();
    }

    /**
     * One step down the region tree: a row for {@code selected} itself (its own lots, not its subtree's; named
     * {@code ownName}) when it has any, then a row per child region holding the lots of the child's whole subtree, in
     * the children's order. Lots in no listed region are in no row.
     */
    static List<Row> byRegion(List<LotFacts> lots, RegionGroup selected, String ownName, List<RegionGroup> children) {
        Map<RegionGroup, List<LotFacts>> groups = new LinkedHashMap<>();
        List<LotFacts> own = selected == null ? List.of()
                : lots.stream().filter(l -> l.regionPath().equals(selected.path())).toList();
        List<Row> rows = new ArrayList<>();
        if (!own.isEmpty()) {
            rows.add(row(selected.code(), ownName, own));
        }
        children.forEach(c -> groups.put(c, new ArrayList<>()));
        for (LotFacts l : lots) {
            children.stream().filter(c -> l.regionPath().startsWith(c.path())).findFirst()
                    .ifPresent(c -> groups.get(c).add(l));
        }
        groups.forEach((c, ls) -> {
            if (!ls.isEmpty()) {
                rows.add(row(c.code(), c.name(), ls));
            }
        });
        return rows;
    }

    /** The failed lots by reason, most frequent first (then in the reasons' order). */
    static List<Failure> failures(List<LotFacts> lots) {
        Map<FailReason, Integer> counts = new EnumMap<>(FailReason.class);
        lots.stream().filter(l -> l.outcome() == Outcome.FAILED).forEach(l -> counts.merge(l.failReason(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new Failure(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Failure::count).reversed().thenComparing(Failure::reason)).toList();
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, ROUNDING).longValueExact();
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, ROUNDING);
    }

    private static BigDecimal mean(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        long sum = seconds.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(seconds.size() * DAY), 1, ROUNDING);
    }

    private static BigDecimal median(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        long twice = n % 2 == 1 ? 2 * sorted.get(n / 2) : sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2 * DAY), 1, ROUNDING);
    }
}
