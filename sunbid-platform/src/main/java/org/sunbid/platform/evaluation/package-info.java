/**
 * Electronic evaluation (电子评标) and award (定标): the plan (评标办法) as data, locked at the deadline (Reg. 49); the
 * committee's workspace once the bids are opened — the evaluation keeps its own copy of the opened bids from sealing's
 * typed {@code BidsOpened} (tables evaluation_opening, evaluation_bid; K drawn from the record's SM3) — and the seated
 * committee has signed in (asked of experts); the qualification review, computed price scores, independent scoring,
 * extreme scores and the ranking (rules in plain Java, {@code domain}); the signed PDF report; then {@link
 * org.sunbid.platform.evaluation.Awards}: the candidates' publicity (Reg. 54), objections, the award (Reg. 55, published
 * as {@link org.sunbid.platform.evaluation.LotAwarded}), the contract (Law 46) and the Reg. 57 refunds through payments.
 * {@link org.sunbid.platform.evaluation.Evaluations} is the one entry to the committee's steps; each step has its own
 * package-private class. Its SQL names only its own tables. Used by the workbench, the portal (disclosure) and the demo.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package org.sunbid.platform.evaluation;
