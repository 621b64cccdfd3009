/**
 * Electronic evaluation (电子评标) and the award: the plan per tender (locked at the deadline), the committee
 * workspace once the bids are opened and the drawn experts signed in (qualification review, computed price scores,
 * independent scoring, extreme scores flagged, ranking and candidates), the signed PDF report; then {@link
 * org.sunbid.platform.evaluation.Awards}: the candidates' publicity and objections, the award notice, the contract and
 * the refunds through payments. The formulas, scoring and ranking are plain Java in {@code domain}. Workbench,
 * disclosure and the demo use {@link org.sunbid.platform.evaluation.Evaluations} and {@code Awards}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package org.sunbid.platform.evaluation;
