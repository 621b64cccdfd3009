package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.kernel.DomainException;

/** Checks of the project facts exemptions and off-platform reports carry (they name no platform project). */
final class Projects {

    /** A 品目 of the 政府采购品目分类目录: A (goods), B (works) or C (services) and digits. */
    private static final Pattern ITEM = Pattern.compile("[ABC][0-9]{2,14}");

    private Projects() {
    }

    static void check(DealKind kind, Category category, String code, String name, String region, BigDecimal value,
            String itemCode) {
        if (kind == null) {
            throw new DomainException(SupervisionError.UNKNOWN_DEAL_KIND, "null");
        }
        if (category == null) {
            throw new DomainException(SupervisionError.UNKNOWN_CATEGORY, "null");
        }
        if (code == null || code.isBlank() || code.strip().length() > 64) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "projectCode");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "projectName");
        }
        if (region == null || region.isBlank()) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "regionCode");
        }
        if (value == null) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "value");
        }
        if (item(itemCode) != null && !ITEM.matcher(item(itemCode)).matches()) {
            throw new DomainException(SupervisionError.SUPERVISION_FIELD_INVALID, "itemCode");
        }
    }

    static String item(String itemCode) {
        return itemCode == null || itemCode.isBlank() ? null : itemCode.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
