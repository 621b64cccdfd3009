/**
 * The government e-mall (电子卖场, issue 22): below the 分散采购限额, budget units buy goods online from suppliers'
 * listings (domain-2 §5). It owns the catalogue of product categories with their specification attributes (tied to the
 * 品目 of the 政府采购品目分类目录, checked against {@code catalog}'s {@code ProcurementItems}) and the dated ordering
 * rules per region ({@link org.sunbid.platform.mall.MallCatalogue}); the listings with their price evidence (the
 * screenshots and PDFs kept in the platform's file store beside their SM3), price caps, review and price history
 * ({@link org.sunbid.platform.mall.Listings}); the orders — direct or by comparison — with their acceptance and payment,
 * the overdue-payment flag ({@link org.sunbid.platform.mall.MallOrders}); the sales statistics
 * ({@link org.sunbid.platform.mall.MallStatistics}, which the portal's statistics page reads too). Credit restrictions
 * are asked of {@code credit} at each gate's time; warnings go to supervision's queue ({@code Warnings}); the orders
 * feed supervision's split-purchase check as {@code PurchaseFact}s. Rules are plain Java in {@code domain}; tables are
 * the mall's own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "E-mall (catalogue, listings, orders, payment)")
package org.sunbid.platform.mall;
