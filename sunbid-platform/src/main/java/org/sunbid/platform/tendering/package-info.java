/**
 * Tendering (招标): a tender — a construction tender today; with issue 15 each lot of a {@code deals} project that runs
 * a tender procedure — from draft through publication, documents (downloads recorded), clarifications, objections and
 * suspension to closing at the bid deadline, with anonymous registration (confidential until bidding closes, Law 22).
 * The legal rules live in the plain-Java aggregate {@code domain.Tender}, each citing the article it enforces;
 * {@link org.sunbid.platform.tendering.Tenders} and {@link org.sunbid.platform.tendering.Registrations} are the
 * context's API, and its events ({@code TenderPublished}, {@code BidderRegistered}, {@code BiddingClosed}) tell the
 * others.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tendering")
package org.sunbid.platform.tendering;
