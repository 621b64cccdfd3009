/**
 * Tendering (招标): a construction project tendered openly, from draft through publication, clarifications and
 * objections to the bid deadline. The legal rules live in the plain-Java aggregate {@code domain.Tender}, each citing
 * the article it enforces; {@link org.sunbid.platform.tendering.Tenders} is the context's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tendering")
package org.sunbid.platform.tendering;
