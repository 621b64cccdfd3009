package org.sunbid.screening.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The co-bidding network across deals (串标网络): who bids with whom ({@link #edges}), and the patterns of bid rigging
 * it shows ({@link #findings}), each with the lots, prices and winners that produced it, ranked by strength.
 *
 * <p>The patterns, over deals with a known winner (an opened deal not yet awarded counts for the graph only):
 * <ul>
 * <li>{@link Finding.Kind#ROTATION}: a group of {@code 3 … maxGroupSize} bidders that bid together on at least
 * {@code minimumLots} lots, where the winner of every one of those lots is a member and every member won at least
 * one (they take turns), and the lots together are at least {@code stableShare} of each member's lots (a stable
 * group). Strength: lots × members × (1 + the share of those lots in which every losing member bid within
 * {@code coverMargin} above the winner — cover bids).</li>
 * <li>{@link Finding.Kind#COVER}: a bidder on at least {@code minimumLots} awarded lots that won none and bid within
 * {@code coverMargin} above the winner in at least {@code coverShare} of them. Strength: those lots × their share.</li>
 * <li>{@link Finding.Kind#ALWAYS_LOSES}: a bidder that won nothing, met another on at least {@code minimumLots}
 * awarded lots, and the other won every one of them. Strength: the lots.</li>
 * </ul>
 * Honest competition — winners that vary and include outsiders, losers spread well above the winner — raises none.
 */
public final class CoBiddingNetwork {

    /**
     * The settings.
     *
     * @param minimumLots  fewest lots a pattern must rest on
     * @param coverMargin  how far above the winner (fraction of its price) a bid counts as "just above"
     * @param coverShare   share of a bidder's lost lots with a bid just above the winner to call it a cover bidder
     * @param stableShare  share of each member's lots that a rotation group's lots must be
     * @param maxGroupSize the largest group searched for rotation
     */
    public record Settings(int minimumLots, double coverMargin, double coverShare, double stableShare, int maxGroupSize) {
        /**
         * The defaults: 3 lots, 2 %, 75 %, 75 %, groups of up to 4. A stable share of 75 % keeps out the groups that
         * honest firms of a small market form by chance (three who meet in half their lots and happen to win in turn);
         * a margin of 2 % keeps out the honest loser that happens to come in 2–2.5 % above the winner (as one of the
         * demo's suppliers does on three lots).
         */
        public static final Settings DEFAULTS = new Settings(3, 0.02, 0.75, 0.75, 4);

        public Settings {
            if (minimumLots < 2 || maxGroupSize < 3 || coverMargin <= 0) {
                throw new IllegalArgumentException("settings out of range");
            }
        }
    }

    /** Lots with more bids than this are not searched for rotation groups (the combinations grow too fast). */
    private static final int MAX_BIDS_FOR_GROUPS = 16;

    private final List<Deal> deals;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Integer> lotsOf = new HashMap<>();

    private CoBiddingNetwork(List<Deal> deals) {
        this.deals = List.copyOf(deals);
        for (Deal d : this.deals) {
            for (String id : bidders(d)) {
                lotsOf.merge(id, 1, Integer::sum);
            }
            d.bids().forEach(b -> names.putIfAbsent(b.bidderId(), b.bidder()));
        }
    }

    /** The network of {@code deals} (oldest first gives evidence oldest first). */
    public static CoBiddingNetwork of(List<Deal> deals) {
        return new CoBiddingNetwork(deals);
    }

    /** Who bids with whom: every pair that met at least once, most shared lots first. */
    public List<Edge> edges() {
        Map<String, int[]> pairs = new TreeMap<>();
        for (Deal d : deals) {
            List<String> ids = new ArrayList<>(bidders(d));
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    int[] c = pairs.computeIfAbsent(ids.get(i) + "\u0000" + ids.get(j), k -> new int[3]);
                    c[0]++;
                    if (ids.get(j).equals(d.winnerId())) {
                        c[1]++;
                    } else if (ids.get(i).equals(d.winnerId())) {
                        c[2]++;
                    }
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        pairs.forEach((k, c) -> {
            String[] ab = k.split("\u0000");
            edges.add(new Edge(ab[0], ab[1], c[0], lotsOf.get(ab[0]), lotsOf.get(ab[1]), c[1], c[2]));
        });
        edges.sort(Comparator.comparingInt(Edge::together).reversed());
        return edges;
    }

    /** The patterns found, strongest first (ties by kind, then members). */
    public List<Finding> findings(Settings settings) {
        List<Finding> out = new ArrayList<>();
        out.addAll(rotations(settings));
        out.addAll(covers(settings));
        out.addAll(alwaysLoses(settings));
        out.sort(Comparator.comparingDouble(Finding::strength).reversed()
                .thenComparing(Finding::kind).thenComparing(f -> String.join(",", f.members())));
        return out;
    }

    private List<Finding> rotations(Settings s) {
        Map<List<String>, List<Deal>> groups = new LinkedHashMap<>();
        for (Deal d : awarded()) {
            List<String> ids = new ArrayList<>(bidders(d));
            if (ids.size() > MAX_BIDS_FOR_GROUPS) {
                continue;
            }
            for (int k = 3; k <= Math.min(s.maxGroupSize(), ids.size()); k++) {
                combinations(ids, k, 0, new ArrayList<>(), g -> groups.computeIfAbsent(List.copyOf(g), x -> new ArrayList<>()).add(d));
            }
        }
        List<Finding> out = new ArrayList<>();
        groups.forEach((group, lots) -> {
            if (lots.size() < s.minimumLots() || !lots.stream().allMatch(d -> group.contains(d.winnerId()))) {
                return;
            }
            Set<String> winners = new TreeSet<>();
            lots.forEach(d -> winners.add(d.winnerId()));
            if (winners.size() < group.size()) {
                return; // not every member took a turn
            }
            if (group.stream().anyMatch(m -> lots.size() < s.stableShare() * lotsOf.get(m))) {
                return; // not a stable group: a member bids mostly elsewhere
            }
            List<Finding.LotEvidence> evidence = lots.stream().map(d -> evidence(d, group)).toList();
            long covered = evidence.stream().filter(e -> e.aboveWinner().values().stream()
                    .allMatch(p -> p <= s.coverMargin() * 100)).count();
            double strength = lots.size() * group.size() * (1.0 + (double) covered / lots.size());
            out.add(new Finding(Finding.Kind.ROTATION, group, group.stream().map(names::get).toList(), strength, evidence));
        });
        return out;
    }

    private List<Finding> covers(Settings s) {
        List<Finding> out = new ArrayList<>();
        for (String bidder : new TreeSet<>(lotsOf.keySet())) {
            List<Deal> lost = awarded().stream().filter(d -> bidders(d).contains(bidder)).toList();
            if (lost.size() < s.minimumLots() || lost.stream().anyMatch(d -> bidder.equals(d.winnerId()))) {
                continue;
            }
            List<Deal> justAbove = lost.stream().filter(d -> {
                Double above = above(d, bidder);
                return above != null && above >= 0 && above <= s.coverMargin() * 100;
            }).toList();
            double share = (double) justAbove.size() / lost.size();
            if (justAbove.size() >= s.minimumLots() && share >= s.coverShare()) {
                List<Finding.LotEvidence> evidence = justAbove.stream().map(d -> evidence(d, List.of(bidder))).toList();
                out.add(new Finding(Finding.Kind.COVER, List.of(bidder), List.of(names.get(bidder)), justAbove.size() * share, evidence));
            }
        }
        return out;
    }

    private List<Finding> alwaysLoses(Settings s) {
        List<Finding> out = new ArrayList<>();
        Set<String> everWon = new TreeSet<>();
        awarded().forEach(d -> everWon.add(d.winnerId()));
        for (String loser : new TreeSet<>(lotsOf.keySet())) {
            if (everWon.contains(loser)) {
                continue;
            }
            Map<String, List<Deal>> byWinner = new TreeMap<>();
            List<Deal> lost = awarded().stream().filter(d -> bidders(d).contains(loser)).toList();
            for (Deal d : lost) {
                byWinner.computeIfAbsent(d.winnerId(), w -> new ArrayList<>()).add(d);
            }
            byWinner.forEach((winner, lots) -> {
                long met = lost.stream().filter(d -> bidders(d).contains(winner)).count();
                if (lots.size() >= s.minimumLots() && lots.size() == met) {
                    List<String> pair = List.of(loser, winner);
                    out.add(new Finding(Finding.Kind.ALWAYS_LOSES, pair, pair.stream().map(names::get).toList(), lots.size(),
                            lots.stream().map(d -> evidence(d, pair)).toList()));
                }
            });
        }
        return out;
    }

    private Finding.LotEvidence evidence(Deal d, List<String> members) {
        Deal.Bid win = d.winningBid();
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        Map<String, Double> above = new LinkedHashMap<>();
        for (String m : members) {
            Deal.Bid b = d.bidOf(m);
            if (b != null && b.price() != null) {
                prices.put(names.get(m), b.price());
                if (!m.equals(d.winnerId()) && above(d, m) != null) {
                    above.put(names.get(m), above(d, m));
                }
            }
        }
        return new Finding.LotEvidence(d.lotId(), d.label(), d.winnerId(), names.getOrDefault(d.winnerId(), d.winnerId()),
                win == null ? null : win.price(), prices, above);
    }

    /** How far {@code bidder}'s price lies above the winning price, in percent of it (2 decimals), or null. */
    private static Double above(Deal d, String bidder) {
        Deal.Bid win = d.winningBid();
        Deal.Bid b = d.bidOf(bidder);
        if (win == null || b == null || win.price() == null || b.price() == null || win.price().signum() <= 0) {
            return null;
        }
        return b.price().subtract(win.price()).multiply(BigDecimal.valueOf(100))
                .divide(win.price(), 2, RoundingMode.HALF_UP).doubleValue();
    }

    private List<Deal> awarded() {
        return deals.stream().filter(d -> d.winnerId() != null && bidders(d).contains(d.winnerId())).toList();
    }

    private static Set<String> bidders(Deal d) {
        Set<String> ids = new TreeSet<>();
        d.bids().forEach(b -> ids.add(b.bidderId()));
        return ids;
    }

    private static void combinations(List<String> ids, int k, int from, List<String> chosen,
            java.util.function.Consumer<List<String>> each) {
        if (chosen.size() == k) {
            each.accept(chosen);
            return;
        }
        for (int i = from; i <= ids.size() - (k - chosen.size()); i++) {
            chosen.add(ids.get(i));
            combinations(ids, k, i + 1, chosen, each);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** The name of bidder {@code id} as the deals give it. */
    public String nameOf(String id) {
        return Objects.requireNonNullElse(names.get(id), id);
    }
}
