/**
 * The auction's rules in plain Java (no Spring, no SQL; time always from the caller): {@link AuctionRoom} is the
 * single-threaded state machine of one auction (listing → freeze → timed round with its restarting countdown; the
 * ascending auction; network bidding), fed {@link RoomEvent}s in server-receipt order — the same events the journal
 * keeps, so replaying them rebuilds the identical room; {@link AuctionTerms} are checked against the lot's procedure
 * rules by the lot part (E); {@link AuctionResult} is computed from the room and the opened reserve.
 *
 * <p>Exposed (named interface "domain"): the API types the auction's services return (terms, snapshot, bids, result)
 * are read by disclosure's and the workbench's pages.
 */
@org.springframework.modulith.NamedInterface("domain")
package org.sunbid.platform.auction.domain;
