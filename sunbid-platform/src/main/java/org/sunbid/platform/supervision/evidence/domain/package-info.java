/**
 * The rules of 招标投标法实施条例 Art. 40 (投标人相互串通投标, deemed collusion) over the facts of one lot's opened bids,
 * as plain Java: which bids share a machine, an upload address, a project manager, a payer account, files or odd lines,
 * name a rival, or price in a regular pattern ({@link org.sunbid.platform.supervision.evidence.domain.Art40Rules}).
 * A finding is a flag for the committee and the supervisor, never a rejection.
 */
package org.sunbid.platform.supervision.evidence.domain;
