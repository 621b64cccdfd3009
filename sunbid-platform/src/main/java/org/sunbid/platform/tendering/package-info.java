/**
 * Tendering (招标): a lot of a trading project ({@code deals}; the tender's id is the lot's id) tendered openly, from
 * draft through publication, documents (downloads recorded), clarifications, objections and suspension to closing at
 * the bid deadline, with anonymous registration (confidential until bidding closes, Law 22), under its procedure's
 * rules (construction: 招标投标法 and its 实施条例; government procurement: 政府采购法, its 条例 and 财政部令第87号),
 * which {@code deals} resolves at the date of each event. Where a region's rule requires it, a draft's documents are
 * filed with the supervisor (招标文件备案, {@link org.sunbid.platform.tendering.TenderFilings}) and accepted before
 * publication. The plain-Java aggregate {@code domain.Tender} applies them,
 * each refusal citing the article it enforces; {@link org.sunbid.platform.tendering.Tenders} and
 * {@link org.sunbid.platform.tendering.Registrations} are the context's API, and its events ({@code TenderPublished},
 * {@code BidderRegistered}, {@code BiddingClosed}) tell the others.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tendering")
package org.sunbid.platform.tendering;
