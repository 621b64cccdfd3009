/**
 * Supervision's screens (issue 19 C): the bid screens of every lot at its opening against comparable lots
 * ({@code LotScreening}, {@code screen} warnings) and the co-bidding network across opened and awarded deals on demand
 * and daily ({@code NetworkScreening}, {@code network} warnings). The screens themselves are plain Java in
 * {@code sunbid-screening} ({@code org.sunbid.screening.bids}, {@code org.sunbid.screening.network}); this package only
 * reads the public opening records and results through sealing's and supervision's own records, and raises warnings.
 */
package org.sunbid.platform.supervision.screening;
