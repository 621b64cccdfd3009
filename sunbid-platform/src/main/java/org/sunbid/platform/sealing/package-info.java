/**
 * Sealing (密封) and bid opening (开标): nobody can open a bid early, not even the platform's operators. At publication
 * each tender gets an SM2 opening key pair; the private key's scalar is split k-of-n (Shamir) among custodians — the
 * trading centre, the supervision department and the tenderee — each share encrypted to the custodian's certificate,
 * and the private key is not kept ({@link org.sunbid.platform.sealing.TenderKeys}). The rules live in two plain-Java
 * aggregates in {@code sealing.domain}, each with its state machine: {@code SealedBid} (a bidder's envelopes on a
 * tender: received → replaced / withdrawn, accepted only before the deadline from a registered bidder with a settled
 * deposit) and {@code BidOpening} (awaiting shares → opened / failed for too few bids, Law 28; responses and answers).
 * {@link org.sunbid.platform.sealing.Bids} and {@link org.sunbid.platform.sealing.BidOpenings} are thin services
 * (transaction, authorisation, files, the log) over package-private repositories that keep the append-only storage.
 * Other contexts are asked through their APIs (tendering's {@code Tenders}, parties' {@code Organisations} and
 * {@code Certificates}, catalog's {@code Regions}), never through their tables. A completed opening record is
 * published as {@link org.sunbid.platform.sealing.BidsOpened}. The envelope format and the sharing are the plain-Java
 * {@code sunbid-sealing} library, shared with the bidder tool.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sealing")
package org.sunbid.platform.sealing;
