/**
 * 招标投标法实施条例 Art. 40 evidence (issue 19): at every opening (sealing's {@code BidsOpened}, and each round of
 * final offers, {@code OffersOpened}) and on demand by staff, supervisors and the lot's committee, the bids of the lot
 * are compared on the facts their owner contexts captured as keyed hashes (sealing: machine fingerprint, upload
 * address, project manager, files and lines, rivals named; payments: the deposit's payer account); each deemed-collusion
 * item found raises a warning through {@code supervision.Warnings} (source {@code art40}) with its evidence hashed,
 * for the committee and the supervisors. Never an automatic rejection; nothing is compared before the opening.
 */
@org.springframework.modulith.NamedInterface("evidence")
package org.sunbid.platform.supervision.evidence;
