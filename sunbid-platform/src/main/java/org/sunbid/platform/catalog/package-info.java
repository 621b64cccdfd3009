/**
 * Reference data every context uses: the tree of administrative regions (行政区划) that scopes every deal,
 * organisation and staff account (a subtree is a path prefix; {@link org.sunbid.platform.catalog.Region#upwards} is
 * the way to the nearest region up), and the working-day calendar (holidays and 调休 as maintained data) behind
 * {@link org.sunbid.platform.catalog.WorkingDays}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.sunbid.platform.catalog;
