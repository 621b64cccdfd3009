/**
 * Reference data every context uses: the tree of administrative regions (行政区划) that scopes every deal,
 * organisation and staff account. Later: deal types (应进必进 catalogue) and the working-day calendar.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.sunbid.platform.catalog;
