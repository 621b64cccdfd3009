/**
 * 交易统计 (issue 18, statistics): the portal's figures — deals and their value by kind, procedure, region (down the
 * region tree) and month, 节支率 for construction and procurement, 溢价率 for land, mining and property, average
 * bidders per lot, failed deals with their reasons and the time from notice to award — computed only from what the
 * portal already shows an anonymous visitor ({@code ProjectPortal}'s published lots, the public award and auction
 * result, the opening record's envelope count, the auction bidders once disclosed). The arithmetic is plain Java
 * ({@link org.sunbid.platform.disclosure.statistics.Figures}); {@code /api/v1/statistics} (JSON, CSV) and the page
 * {@code /statistics} show it.
 */
package org.sunbid.platform.disclosure.statistics;
