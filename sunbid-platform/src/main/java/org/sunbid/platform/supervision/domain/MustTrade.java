package org.sunbid.platform.supervision.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.sunbid.platform.supervision.CatalogueEntry;

import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.supervision.Category;

/**
 * Whether a deal must trade on the platform (应进必进, 公共资源交易平台管理暂行办法 Art. 8), and why.
 *
 * <p>The catalogue is maintained per region and inherited down the region tree: for a deal's kind and category, the
 * entries in force on the deal's date that the <em>nearest</em> region sets (the deal's own region, then its parent,
 * …, then the national entries) decide; a region that sets its own entry for a kind and category replaces, for itself
 * and the regions below it, what it would have inherited (it may widen — a lower threshold — or narrow where the law
 * allows). The deal must trade here when its value reaches one of the deciding entries' thresholds (an entry without a
 * threshold takes every deal of its kind: land and mining grants, state property transfers).
 */
public final class MustTrade {

    private final List<CatalogueEntry> entries;

    /** A catalogue of every region's entries (and the national ones, with no region). */
    public MustTrade(Collection<CatalogueEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The answer for one deal.
     *
     * @param required   whether it must trade on the platform
     * @param entry      the entry that requires it, or (when not required) the deciding entry it stays below; null when
     *                   the catalogue says nothing about the kind and category
     * @param definedBy  the region whose entries decided (null: the national entries, or none)
     */
    public record Decision(boolean required, CatalogueEntry entry, String definedBy) {

        /** The legal basis of the decision, or null when the catalogue says nothing. */
        public String basis() {
            return entry == null ? null : entry.basis();
        }

        /** The threshold the deal was measured against, null when every deal of the kind must trade or none applies. */
        public BigDecimal threshold() {
            return entry == null ? null : entry.threshold();
        }
    }

    /**
     * Decides for a deal of {@code kind} and {@code category} worth {@code value} yuan (null when not known: only
     * entries without a threshold then require it) in the region whose codes from itself up to the root are
     * {@code regionChain} (nearest first), on {@code date}.
     */
    public Decision decide(DealKind kind, Category category, BigDecimal value, List<String> regionChain, LocalDate date) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(date, "date");
        List<String> levels = new ArrayList<>(regionChain);
        levels.add(null); // the national entries come last
        for (String region : levels) {
            List<CatalogueEntry> deciding = entries.stream()
                    .filter(e -> Objects.equals(e.regionCode(), region) && e.inForceOn(date) && e.covers(kind, category))
                    .toList();
            if (deciding.isEmpty()) {
                continue;
            }
            // The lowest threshold reached decides (an entry without one is the lowest of all).
            CatalogueEntry lowest = deciding.stream().min(MustTrade::byThreshold).orElseThrow();
            return new Decision(lowest.reachedBy(value), lowest, region);
        }
        return new Decision(false, null, null);
    }

    /**
     * The entries in force on {@code date} for a region (chain nearest first), one per kind and category as
     * {@link #decide} would use them: what the region's catalogue is, with each entry's origin.
     */
    public List<CatalogueEntry> effective(List<String> regionChain, LocalDate date) {
        List<String> levels = new ArrayList<>(regionChain);
        levels.add(null);
        List<CatalogueEntry> result = new ArrayList<>();
        for (DealKind kind : DealKind.values()) {
            for (Category category : Category.values()) {
                for (String region : levels) {
                    List<CatalogueEntry> own = entries.stream()
                            .filter(e -> Objects.equals(e.regionCode(), region) && e.inForceOn(date) && e.kind() == kind
                                    && e.category() == category)
                            .toList();
                    if (!own.isEmpty()) {
                        result.addAll(own);
                        break;
                    }
                }
            }
        }
        return result;
    }

    private static int byThreshold(CatalogueEntry a, CatalogueEntry b) {
        if (a.threshold() == null || b.threshold() == null) {
            return a.threshold() == null ? (b.threshold() == null ? 0 : -1) : 1;
        }
        return a.threshold().compareTo(b.threshold());
    }
}
