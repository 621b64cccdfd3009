package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The mall's ordering rule in force in a region from a date: orders up to {@code directLimit} may be placed directly
 * (直购), above it only by comparison (比价), never above {@code orderCap} — the 分散采购限额标准 the mall serves
 * (domain-2 §5: goods below the 分散采购限额; the system caps single orders). "以下" includes the figure (87号令 Art. 85).
 *
 * @param regionCode    the region whose subtree it covers ("" for every region)
 * @param effectiveFrom the first day it applies (Beijing)
 * @param directLimit   the highest total a direct order may have, in yuan
 * @param orderCap      the highest total of any single order, in yuan; also the split-order threshold
 * @param basis         the published document it rests on
 */
public record MallRule(String regionCode, LocalDate effectiveFrom, BigDecimal directLimit, BigDecimal orderCap, String basis) {

    public MallRule {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(directLimit, "directLimit");
        Objects.requireNonNull(orderCap, "orderCap");
        if (directLimit.signum() <= 0 || orderCap.compareTo(directLimit) < 0) {
            throw new IllegalArgumentException("0 < directLimit <= orderCap");
        }
    }

    /** What an order of {@code total} needs. */
    public enum Need {
        /** Direct ordering is allowed (comparison too). */
        DIRECT_ALLOWED,
        /** Only by comparison. */
        COMPARISON_REQUIRED,
        /** Above the single-order cap: not in the mall. */
        OVER_CAP
    }

    public Need need(BigDecimal total) {
        if (total.compareTo(orderCap) > 0) {
            return Need.OVER_CAP;
        }
        return total.compareTo(directLimit) <= 0 ? Need.DIRECT_ALLOWED : Need.COMPARISON_REQUIRED;
    }

    /** Whether an order of {@code total} may be placed by {@code mode} (every competitive mode up to the cap). */
    public boolean allows(OrderMode mode, BigDecimal total) {
        Need need = need(total);
        return need != Need.OVER_CAP && (mode != OrderMode.DIRECT || need == Need.DIRECT_ALLOWED);
    }
}
