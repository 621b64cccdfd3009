/**
 * The co-bidding network across deals (串标网络): the graph of who bids with whom and who loses to whom, and the
 * patterns of rotation and cover bidding it shows, ranked with the lots, prices and winners behind each. Plain Java
 * over public facts only (opening records and results).
 */
package org.sunbid.screening.network;
