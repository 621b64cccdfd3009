package org.sunbid.screening.bids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Flags a lot's bid screens against the distribution of comparable lots, never against fixed thresholds alone: each
 * screen is compared with the quantile fences ({@link Fence}) of the same screen over the comparable lots, in the
 * direction collusion pushes it.
 *
 * <p>Comparable lots are chosen from the narrowest group that holds at least {@link #minimumLots()} screened lots:
 * same kind, region and size band; else same kind and size band (any region); else same kind. Below the minimum at
 * every level the lot is <b>not flagged</b> (the verdict says so, with its values): too few lots give fences that
 * mean nothing, and a flag from a handful of lots would accuse by chance. Its values still join the history, so later
 * lots have more to compare with.
 */
public final class ComparableLots {

    /** The default fewest comparable lots before a screen may be flagged. */
    public static final int DEFAULT_MINIMUM = 8;

    /** A screened lot of the history. */
    public record ScreenedLot(String lotId, LotProfile profile, Map<Screen, Double> values) {
        public ScreenedLot {
            Objects.requireNonNull(lotId, "lotId");
            Objects.requireNonNull(profile, "profile");
            values = Map.copyOf(values);
        }
    }

    /** Which group of comparable lots was used. */
    public enum Group {
        /** Same kind, region and size band. */
        KIND_REGION_SIZE,
        /** Same kind and size band, any region. */
        KIND_SIZE,
        /** Same kind. */
        KIND,
        /** Fewer comparable lots than the minimum at every level: nothing is flagged. */
        TOO_FEW
    }

    /**
     * The outcome for one lot.
     *
     * @param screens  the lot's screens
     * @param group    the group of comparable lots used
     * @param lots     how many comparable lots that group holds
     * @param fences   each screen's fences over them (empty with {@link Group#TOO_FEW})
     * @param flagged  the screens beyond their fence in the collusion direction, in {@link Screen} order
     */
    public record Verdict(BidScreens screens, Group group, int lots, Map<Screen, Fence> fences, List<Screen> flagged) {
        public Verdict {
            fences = Collections.unmodifiableMap(fences.isEmpty() ? new EnumMap<>(Screen.class) : new EnumMap<>(fences));
            flagged = List.copyOf(flagged);
        }

        /** Whether any screen is flagged. */
        public boolean suspicious() {
            return !flagged.isEmpty();
        }
    }

    private final int minimumLots;

    public ComparableLots(int minimumLots) {
        if (minimumLots < 4) {
            throw new IllegalArgumentException("quartiles need at least 4 comparable lots");
        }
        this.minimumLots = minimumLots;
    }

    /** The fewest comparable lots before a screen may be flagged. */
    public int minimumLots() {
        return minimumLots;
    }

    /**
     * Judges {@code screens} of a lot with {@code profile} against {@code history} (other lots; an entry with the lot's
     * own id is ignored).
     */
    public Verdict judge(String lotId, LotProfile profile, BidScreens screens, List<ScreenedLot> history) {
        List<ScreenedLot> others = history.stream().filter(h -> !h.lotId().equals(lotId)).toList();
        List<Predicate<LotProfile>> levels = List.of(
                p -> p.equals(profile),
                p -> p.kind().equals(profile.kind()) && p.sizeBand() == profile.sizeBand(),
                p -> p.kind().equals(profile.kind()));
        Group[] groups = {Group.KIND_REGION_SIZE, Group.KIND_SIZE, Group.KIND};
        for (int i = 0; i < levels.size(); i++) {
            Predicate<LotProfile> level = levels.get(i);
            List<ScreenedLot> group = others.stream().filter(h -> level.test(h.profile())).toList();
            if (group.size() >= minimumLots) {
                return verdict(screens, groups[i], group);
            }
        }
        return new Verdict(screens, Group.TOO_FEW, (int) others.stream().filter(h -> h.profile().kind().equals(profile.kind())).count(),
                Map.of(), List.of());
    }

    private Verdict verdict(BidScreens screens, Group group, List<ScreenedLot> lots) {
        Map<Screen, Fence> fences = new EnumMap<>(Screen.class);
        List<Screen> flagged = new ArrayList<>();
        for (Screen s : Screen.values()) {
            Double value = screens.value(s);
            double[] values = lots.stream().map(l -> l.values().get(s)).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
            if (values.length < minimumLots) {
                continue; // e.g. SUB4_CV, which only lots of five or more bids have
            }
            Fence fence = Fence.of(s, values);
            fences.put(s, fence);
            if (value != null && fence.flags(value)) {
                flagged.add(s);
            }
        }
        return new Verdict(screens, group, lots.size(), fences, flagged);
    }
}
