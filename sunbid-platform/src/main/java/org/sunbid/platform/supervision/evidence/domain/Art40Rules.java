package org.sunbid.platform.supervision.evidence.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * 招标投标法实施条例 Art. 40 over one lot's opened bids: which bidders share a fact that the regulation deems a sign of
 * collusion, and whether the prices follow a regular pattern. Findings are grouped by item and by the set of bidders
 * concerned, so a lot gives one finding per item and group however many facts stand behind it (and running the rules
 * again gives the same findings). A file or a line that every bidder shares is the tender's template, not evidence.
 */
public final class Art40Rules {

    /** At least this many priced bids before a price pattern means anything. */
    public static final int PRICES_MIN = 3;
    /** Steps (differences, or ratios less one) within this share of their mean count as equal. */
    public static final BigDecimal STEP_TOLERANCE = new BigDecimal("0.005");
    /** How many hex digits of a hash are shown: enough to tell values apart, nothing to find them from. */
    static final int SHOWN = 12;
    /** How many places a shared line or file is shown at, per bidder. */
    static final int PLACES = 3;

    private Art40Rules() {
    }

    /**
     * An opened bid: its bidder, the bidder's name (public from the opening), and its price (null when unpriced).
     */
    public record Bid(UUID bidderId, String bidder, BigDecimal price) {
        public Bid {
            Objects.requireNonNull(bidderId, "bidderId");
        }
    }

    /** The findings of Art. 40 over {@code bids} and the {@code facts} of their bidders, in a stable order. */
    public static List<Finding> findings(List<Bid> bids, List<Fact> facts) {
        Map<UUID, String> names = new LinkedHashMap<>();
        bids.forEach(b -> names.put(b.bidderId(), b.bidder()));
        Set<UUID> bidders = names.keySet();
        // kind → value → bidder → facts
        Map<Fact.Kind, Map<String, Map<UUID, List<Fact>>>> byValue = new TreeMap<>();
        for (Fact f : facts) {
            if (!bidders.contains(f.bidderId()) || f.kind() == Fact.Kind.MENTION) {
                continue;
            }
            byValue.computeIfAbsent(f.kind(), k -> new TreeMap<>()).computeIfAbsent(f.value(), v -> new TreeMap<>())
                    .computeIfAbsent(f.bidderId(), b -> new ArrayList<>()).add(f);
        }
        // (item, bidder set) → evidence lines
        Map<String, Group> groups = new TreeMap<>();
        Set<UUID> numbered = new TreeSet<>(); // bidders whose project manager has a registration number, which decides
        facts.stream().filter(f -> f.kind() == Fact.Kind.PROJECT_MANAGER).forEach(f -> numbered.add(f.bidderId()));
        byValue.forEach((kind, values) -> values.forEach((value, holders) -> {
            if (kind == Fact.Kind.PROJECT_MANAGER_NAME && numbered.containsAll(holders.keySet())) {
                return; // one name, but every holder gave a registration number: those were compared
            }
            if (holders.size() < 2 || kind.commonWhenShared() && holders.size() == bidders.size()) {
                return;
            }
            Group g = groups.computeIfAbsent(kind.item().name() + ":" + holders.keySet(),
                    k -> new Group(kind.item(), new TreeSet<>(holders.keySet())));
            g.add(kind, value, holders);
        }));
        for (Fact f : facts) {
            if (f.kind() == Fact.Kind.MENTION && bidders.contains(f.bidderId()) && !f.value().equals(f.bidderId().toString())) {
                UUID named;
                try {
                    named = UUID.fromString(f.value());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (!bidders.contains(named)) {
                    continue;
                }
                TreeSet<UUID> pair = new TreeSet<>(List.of(f.bidderId(), named));
                groups.computeIfAbsent(Art40Item.MIXED_UP.name() + ":" + pair, k -> new Group(Art40Item.MIXED_UP, pair))
                        .mention(f, names.get(named));
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(g.finding(names));
        }
        regularPrices(bids).ifPresent(out::add);
        return out;
    }

    /** Prices in a near-arithmetic or near-geometric sequence (投标报价呈规律性差异), over every priced bid. */
    static java.util.Optional<Finding> regularPrices(List<Bid> bids) {
        List<Bid> priced = bids.stream().filter(b -> b.price() != null && b.price().signum() > 0)
                .sorted(Comparator.comparing(Bid::price)).toList();
        if (priced.size() < PRICES_MIN) {
            return java.util.Optional.empty();
        }
        List<BigDecimal> differences = new ArrayList<>();
        List<BigDecimal> ratios = new ArrayList<>();
        for (int i = 1; i < priced.size(); i++) {
            BigDecimal a = priced.get(i - 1).price();
            BigDecimal b = priced.get(i).price();
            differences.add(b.subtract(a));
            ratios.add(b.divide(a, MathContext.DECIMAL64).subtract(BigDecimal.ONE));
        }
        String pattern = equalSteps(differences) ? "等差" : equalSteps(ratios) ? "等比" : null;
        if (pattern == null) {
            return java.util.Optional.empty();
        }
        List<BigDecimal> steps = pattern.equals("等差") ? differences : ratios;
        BigDecimal mean = steps.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(steps.size()), MathContext.DECIMAL64);
        List<Finding.Line> lines = new ArrayList<>();
        for (Bid b : priced) {
            lines.add(new Finding.Line(b.bidderId(), "投标报价", b.price().toPlainString()));
        }
        lines.add(new Finding.Line(null, "报价规律", pattern + "数列，" + (pattern.equals("等差")
                ? "相邻差约 " + mean.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 元"
                : "相邻比约 " + BigDecimal.ONE.add(mean).round(new MathContext(6)).toPlainString())));
        TreeSet<UUID> all = new TreeSet<>();
        priced.forEach(b -> all.add(b.bidderId()));
        return java.util.Optional.of(new Finding(Art40Item.ABNORMALLY_SIMILAR, all, false, lines));
    }

    /** Whether every step is positive and within {@link #STEP_TOLERANCE} of their mean. */
    static boolean equalSteps(List<BigDecimal> steps) {
        if (steps.isEmpty() || steps.stream().anyMatch(s -> s.signum() <= 0)) {
            return false;
        }
        BigDecimal mean = steps.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(steps.size()), MathContext.DECIMAL64);
        BigDecimal allowed = mean.multiply(STEP_TOLERANCE);
        return steps.stream().allMatch(s -> s.subtract(mean).abs().compareTo(allowed) <= 0);
    }

    /** The facts behind one finding while they are collected. */
    private static final class Group {
        private final Art40Item item;
        private final SortedSet<UUID> bidders;
        private final Map<String, int[]> counts = new TreeMap<>();          // kind label → values shared
        private final Map<UUID, List<String>> places = new TreeMap<>();     // bidder → where (files, lines)
        private final List<Finding.Line> direct = new ArrayList<>();
        private final Set<Fact.Kind> machineKinds = java.util.EnumSet.noneOf(Fact.Kind.class);
        private boolean high;

        Group(Art40Item item, SortedSet<UUID> bidders) {
            this.item = item;
            this.bidders = bidders;
        }

        void add(Fact.Kind kind, String value, Map<UUID, List<Fact>> holders) {
            if (kind.item() == Art40Item.SAME_PREPARER) {
                machineKinds.add(kind);
                high |= samePreparerIsStrong(machineKinds);
            } else {
                high |= kind.item() != Art40Item.ABNORMALLY_SIMILAR && kind != Fact.Kind.UPLOAD_IP
                        && kind != Fact.Kind.PROJECT_MANAGER_NAME;
            }
            counts.computeIfAbsent(kind.label(), k -> new int[1])[0]++;
            if (kind == Fact.Kind.FILE || kind == Fact.Kind.LINE) {
                holders.forEach((bidder, fs) -> fs.forEach(f -> {
                    List<String> p = places.computeIfAbsent(bidder, b -> new ArrayList<>());
                    if (p.size() < PLACES && f.detail() != null) {
                        p.add(f.detail());
                    }
                }));
            } else if (direct.stream().noneMatch(l -> l.label().equals(kind.label()) && l.value().startsWith(shown(value)))) {
                String declared = holders.values().stream().flatMap(List::stream).map(Fact::detail)
                        .filter(Objects::nonNull).findFirst().orElse(null);
                direct.add(new Finding.Line(null, kind.label(), shown(value) + "…（SM3 密钥哈希，" + holders.size() + " 家相同）"
                        + (kind.item() == Art40Item.SAME_PROJECT_MANAGER && declared != null ? "；投标文件载明：" + declared : "")));
            }
        }

        void mention(Fact f, String namedBidder) {
            high = true;
            direct.add(new Finding.Line(f.bidderId(), Fact.Kind.MENTION.label(),
                    (namedBidder == null ? f.value() : namedBidder) + (f.detail() == null ? "" : "（" + f.detail() + "）")));
        }

        Finding finding(Map<UUID, String> names) {
            List<Finding.Line> lines = new ArrayList<>(direct);
            counts.forEach((label, n) -> {
                if (label.equals(Fact.Kind.FILE.label()) || label.equals(Fact.Kind.LINE.label())) {
                    lines.add(new Finding.Line(null, label, n[0] + " 处"));
                }
            });
            places.forEach((bidder, p) -> lines.add(new Finding.Line(bidder, "位置", String.join("、", p))));
            return new Finding(item, bidders, high, lines);
        }
    }

    /**
     * Whether the machine facts two bidders share make item (一) a strong sign: the document maker's 机器码 alone, or two
     * independent kinds (machine id and disk, MAC and 机器码, ...). One MAC, one machine id or one disk id alone is not:
     * virtual adapters, cloned images and virtual disks give the same value on unrelated machines.
     */
    static boolean samePreparerIsStrong(Set<Fact.Kind> shared) {
        return shared.contains(Fact.Kind.MAKER_CODE) || shared.size() >= 2;
    }

    /** The first {@link #SHOWN} hex digits of a hash. */
    static String shown(String hash) {
        return hash.length() <= SHOWN ? hash : hash.substring(0, SHOWN);
    }
}
