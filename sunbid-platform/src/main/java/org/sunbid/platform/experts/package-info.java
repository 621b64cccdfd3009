/**
 * The expert database (专家库) and the verifiable draw (专家抽取): profiles, specialties, qualifications, leave, status
 * with its history, conduct ratings and the region's draw policy; {@link org.sunbid.platform.experts.ExpertDraws}
 * requests a committee (Law 37), runs the draw from the supervisor's committed secret and a signed tree head, calls the
 * drawn experts through the {@link org.sunbid.platform.experts.Notifier} port, keeps who was drawn sealed until
 * sign-in, announces a complete committee ({@code ExpertsDrawn}) and publishes the record after the evaluation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experts")
package org.sunbid.platform.experts;
