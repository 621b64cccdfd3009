package org.sunbid.platform.mall;

import java.util.List;
import java.util.UUID;

/**
 * A product category of the mall (商品类目), maintained data.
 *
 * @param id         the category
 * @param code       its code in the mall, e.g. {@code PC-DESKTOP}
 * @param name       its name, e.g. 台式计算机
 * @param itemCode   the 品目 of the 政府采购品目分类目录 it belongs to, e.g. A02010104 (the split check groups by it)
 * @param unit       the unit ordered (台, 件 …)
 * @param attributes the specification attributes every listing fills
 * @param policy     what the 节能/环境标志 lists say of it
 * @param active     whether new listings may use it
 */
public record CategoryView(UUID id, String code, String name, String itemCode, String unit, List<String> attributes,
                           ProductPolicy policy, boolean active) {
}
