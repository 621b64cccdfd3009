package org.sunbid.platform.supervision;

import java.util.List;

/**
 * A port: government purchases recorded outside supervision (the platform's own ZFCG projects) that the split-purchase
 * check (政府采购法实施条例 Art. 28) must see beside supervision's own records. Any bean implementing it is asked; its
 * facts carry the threshold that applied to each purchase ({@link MustTradeCatalogue#decide} gives it).
 *
 * <p>Supervision depends on {@code deals} (for {@code DealKind}), so an implementation inside {@code deals} would make
 * a cycle; implement it in a context above both (e.g. an adapter in {@code workbench}), or pass the facts to
 * {@link OffPlatformDeals#flags(org.sunbid.platform.parties.CurrentUser, List)}.
 */
public interface PurchaseSource {

    /** The purchases in {@code regionCodes} (null: every region). */
    List<PurchaseFact> purchases(List<String> regionCodes);
}
