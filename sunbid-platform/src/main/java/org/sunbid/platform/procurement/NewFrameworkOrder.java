package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A buyer's order under an agreement (checked by {@link FrameworkOrders#place}).
 *
 * @param itemNo              the item
 * @param quantity            how many, positive
 * @param method              DIRECT, COMPETITION or ROTATION
 * @param supplierId          DIRECT: the chosen supplier; otherwise null
 * @param unitPrice           DIRECT: the unit price, at most the supplier's agreement price (null: that price)
 * @param competitionDeadline COMPETITION: when the sealed offers close
 */
public record NewFrameworkOrder(int itemNo, BigDecimal quantity, String method, UUID supplierId, BigDecimal unitPrice,
        Instant competitionDeadline) {
}
