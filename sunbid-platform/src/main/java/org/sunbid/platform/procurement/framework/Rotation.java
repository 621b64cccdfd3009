package org.sunbid.platform.procurement.framework;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.FrameworkError;

/**
 * Rotation (顺序轮候): the members in the published order take the orders in turn, starting where the last one stopped;
 * a member barred at the order's time is passed over (and keeps its place for the next round).
 */
public final class Rotation {

    private Rotation() {
    }

    /** The chosen member and the position the next rotation order starts from. */
    public record Turn(UUID supplierId, int position, int next) {
    }

    /** The turn of the order after {@code next} in {@code order}, skipping {@code barred}. */
    public static Turn next(List<UUID> order, int next, Set<UUID> barred) {
        int n = order.size();
        for (int i = 0; i < n; i++) {
            int position = Math.floorMod(next + i, n);
            UUID supplier = order.get(position);
            if (!barred.contains(supplier)) {
                return new Turn(supplier, position, (position + 1) % n);
            }
        }
        throw new DomainException(FrameworkError.GPL110_ROTATION_EXHAUSTED);
    }
}
