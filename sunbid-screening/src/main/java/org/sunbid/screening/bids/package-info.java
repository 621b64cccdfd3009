/**
 * Bid screens of one lot (投标报价筛查: CV, spread, DIFFP, RD, RDNOR, skewness, kurtosis and sub-group screens for
 * partial cartels) and their flagging against the quantile fences of comparable lots (kind, region, size band). Rules
 * in domain-2 §7; plain Java, no framework.
 */
package org.sunbid.screening.bids;
