package org.sunbid.platform.procurement.framework;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.FrameworkError;

/**
 * Who may order under a framework agreement (适用范围): budget units named by the collecting body in the first stage, or
 * every budget unit of a region (the region's own and those of the regions inside it). With neither named, the
 * agreement covers its own region, as the platform did before the scope was recorded.
 *
 * <p>⚠ Our reading of 财政部令第110号: the collecting body's notice and the agreement state the agreement's 适用范围
 * (which purchasers may use it); the article number is from memory and the text was not in the library. A purchaser
 * outside the scope cannot order under it.
 *
 * @param organisations the named budget units
 * @param regions       the regions whose budget units are covered
 */
public record BuyerScope(List<UUID> organisations, List<String> regions) {

    /** The article we cite (⚠ from memory, to verify against the official text). */
    public static final String ARTICLE = "财政部令第110号（框架协议的适用范围）⚠";

    /** The most entries a scope may name. */
    public static final int MAX_ENTRIES = 200;

    public BuyerScope {
        organisations = List.copyOf(new LinkedHashSet<>(organisations == null ? List.of() : organisations));
        regions = List.copyOf(new LinkedHashSet<>(regions == null ? List.of() : regions));
    }

    /**
     * The scope a collecting body asks for, defaulting to {@code agreementRegion} when it names nobody; refused when it
     * names too many entries, a blank region, or an organisation that is not a budget unit ({@code isBudgetUnit}) or a
     * region that does not exist ({@code regionExists}).
     */
    public static BuyerScope of(List<UUID> organisations, List<String> regions, String agreementRegion,
            java.util.function.Predicate<UUID> isBudgetUnit, java.util.function.Predicate<String> regionExists) {
        List<UUID> orgs = organisations == null ? List.of() : organisations;
        List<String> regs = regions == null ? List.of() : regions.stream().map(r -> r == null ? "" : r.strip()).toList();
        if (orgs.size() + regs.size() > MAX_ENTRIES) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "buyers: at most " + MAX_ENTRIES);
        }
        for (UUID o : orgs) {
            if (o == null || !isBudgetUnit.test(o)) {
                throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "buyerIds: a budget unit (采购人) " + o);
            }
        }
        for (String r : regs) {
            if (r.isEmpty() || !regionExists.test(r)) {
                throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "buyerRegions: a region code " + r);
            }
        }
        if (orgs.isEmpty() && regs.isEmpty()) {
            return new BuyerScope(List.of(), List.of(agreementRegion));
        }
        return new BuyerScope(orgs, regs);
    }

    /**
     * Whether the budget unit {@code buyer} of region {@code buyerRegion} may order: named, or of a covered region
     * ({@code within.test(code, ancestor)}: the code is the ancestor or inside it).
     */
    public boolean admits(UUID buyer, String buyerRegion, BiPredicate<String, String> within) {
        if (buyer != null && organisations.contains(buyer)) {
            return true;
        }
        return buyerRegion != null && regions.stream().anyMatch(r -> within.test(buyerRegion, r));
    }

    /** Refused with {@link FrameworkError#GPL110_BUYER_OUT_OF_SCOPE} unless {@link #admits}; {@code described}: the scope in words. */
    public void require(UUID buyer, String buyerRegion, BiPredicate<String, String> within, String described) {
        if (!admits(buyer, buyerRegion, within)) {
            throw new DomainException(FrameworkError.GPL110_BUYER_OUT_OF_SCOPE, described, ARTICLE);
        }
    }
}
