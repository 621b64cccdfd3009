/**
 * Reference data every context uses: the tree of administrative regions (行政区划) that scopes every deal,
 * organisation and staff account (a subtree is a path prefix; {@link org.sunbid.platform.catalog.Region#upwards} is
 * the way to the nearest region up), the working-day calendar (holidays and 调休 as maintained data) behind
 * {@link org.sunbid.platform.catalog.WorkingDays}, and the 政府采购品目分类目录 (procurement item catalogue) as maintained
 * data behind {@link org.sunbid.platform.catalog.ProcurementItems}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.sunbid.platform.catalog;
