/**
 * The expert database and the verifiable expert draw (专家库与专家随机抽取). Owns the experts' profiles, specialty
 * taxonomy, qualifications, leave, status history, ratings and the regions' draw policies ({@link
 * org.sunbid.platform.experts.Experts}), and the draws: request, the supervisor's commitment, pool and head, the
 * secret's reveal and the walk, the calls to the drawn experts, their sign-in and the published record ({@link
 * org.sunbid.platform.experts.ExpertDraws}, one class per step behind it). The rules are plain Java ({@code Committee},
 * {@code Eligibility}, {@code AvoidanceRule}, {@code DrawPolicy}, {@code DrawPublication}, {@code DrawRequestCheck},
 * {@code ExpertReply}).
 *
 * <p>Reads tendering through {@code Tenders} and {@code Registrations} (the tender, its registrants for the conflict
 * check) and parties through {@code Accounts} and {@code Organisations} (names), never their tables; rechecks
 * feasibility on tendering's {@code BiddingClosed} after it commits; publishes {@link
 * org.sunbid.platform.experts.ExpertsDrawn} when a committee is complete.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experts")
package org.sunbid.platform.experts;
