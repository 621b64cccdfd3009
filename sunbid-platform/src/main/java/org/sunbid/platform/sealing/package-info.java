/**
 * Sealing (密封) and opening (开标): nobody can open a bid early, not even the platform's operators. At publication
 * each tender gets an SM2 opening key pair whose private scalar is split k-of-n (Shamir) among custodians — the trading
 * centre, the supervision department and the tenderee — each share encrypted to the custodian's certificate, and the
 * private key is not kept ({@link org.sunbid.platform.sealing.TenderKeys}). Bids are sealed envelopes accepted before
 * the deadline with a platform-signed receipt, replaced or withdrawn only on the bidder's signed statement ({@link
 * org.sunbid.platform.sealing.Bids}); at closing the bid set is disclosed, the custodians release their shares and the
 * signed opening record is published ({@link org.sunbid.platform.sealing.BidOpenings}). The envelope format and the
 * sharing are the plain-Java {@code sunbid-sealing} library, shared with the bidder tool.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sealing")
package org.sunbid.platform.sealing;
