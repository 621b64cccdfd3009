/**
 * Land-use rights, mining rights and state property (土地/矿业权 招拍挂, 国有产权网络竞价; issue 17): the auction lot's
 * terms (start price, increment, schedule, parcel or asset details), qualification of the registered bidders at the
 * application close with a random bidder number each (竞买号, identities sealed until the end), the live auction
 * room (listing with its timed round 限时竞价, ascending auction 拍卖, network bidding 网络竞价) run by the plain-Java
 * {@code domain.AuctionRoom} in server-receipt order with every acknowledged bid durable in an fsync'd journal before
 * its acknowledgement, the reserve price (底价) sealed through {@code sealing} and opened only when bidding ends, and
 * the result (成交确认书, publicity, earnest money, refunds, payment schedule, premium rate). Each procedure is a
 * {@code deals} procedure whose dated rules decide; the lot is a {@code tendering} tender (same id) for its notice,
 * documents and registration, {@code payments} keeps the deposits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Auction (land, mining, state property)")
package org.sunbid.platform.auction;
