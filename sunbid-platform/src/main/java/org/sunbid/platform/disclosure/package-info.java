/**
 * Public disclosure (信息公开): the portal the public sees without logging in: tender notices, opening records, draw
 * records, the candidates' publicity and result notices, the transparency log's pages (subjects named by
 * {@code LogSubjectNames}), 数据开放 and the API reference. The one place a deal's overall status ({@link
 * org.sunbid.platform.disclosure.DealStage}) and a bidder's registration status ({@link
 * org.sunbid.platform.disclosure.RegistrationStage}) are computed, by asking tendering, sealing, evaluation and
 * payments through their APIs ({@link org.sunbid.platform.disclosure.DealStatuses}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure")
package org.sunbid.platform.disclosure;
