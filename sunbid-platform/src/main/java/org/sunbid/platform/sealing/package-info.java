/**
 * Sealing (密封) and bid opening (开标): nobody can open a bid early, not even the platform's operators. At publication
 * each tender gets an SM2 opening key pair; the private key's scalar is split k-of-n (Shamir) among custodians — the
 * trading centre, the supervision department and the tenderee — each share encrypted to the custodian's certificate,
 * and the private key is not kept ({@link org.sunbid.platform.sealing.TenderKeys}). The rules live in plain-Java
 * aggregates in {@code sealing.domain}, each with its state machine: {@code SealedBid} (a bidder's envelopes on a
 * tender: received → replaced / withdrawn, accepted only before the deadline from a registered bidder with a settled
 * deposit) and {@code BidOpening} (awaiting shares → opened / failed for fewer bids than the lot's OPENING_MIN rule,
 * Law 28; responses and answers); rounds of sealed final offers (最后报价, 74号令 Art. 33) are {@code OfferRound}s
 * (open → opened), sealed and opened with the same machinery ({@link org.sunbid.platform.sealing.OfferRounds}), and
 * the custodians' share releases are one rule for both ({@code ShareReleases}).
 * {@link org.sunbid.platform.sealing.Bids} and {@link org.sunbid.platform.sealing.BidOpenings} are thin services
 * (transaction, authorisation, files, the log) over package-private repositories that keep the append-only storage.
 * Other contexts are asked through their APIs (tendering's {@code Tenders}, parties' {@code Organisations} and
 * {@code Certificates}, catalog's {@code Regions}, deals' {@code Procedures} for the lot's rules), never through their tables. A completed opening record is
 * published as {@link org.sunbid.platform.sealing.BidsOpened}, a round's as {@link org.sunbid.platform.sealing.OffersOpened}. The envelope format and the sharing are the plain-Java
 * {@code sunbid-sealing} library, shared with the bidder tool.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sealing")
package org.sunbid.platform.sealing;
