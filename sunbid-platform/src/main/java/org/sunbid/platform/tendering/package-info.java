/**
 * Tendering (招标): a lot of a trading project ({@code deals}; the tender's id is the lot's id) tendered openly, from
 * draft through publication, clarifications and objections to the bid deadline, under its procedure's rules
 * (construction: 招标投标法 and its 实施条例; government procurement: 政府采购法, its 条例 and 财政部令第87号), which
 * {@code deals} resolves at the date of each event. The plain-Java aggregate {@code domain.Tender} applies them, each
 * refusal citing the article it enforces; {@link org.sunbid.platform.tendering.Tenders} is the context's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tendering")
package org.sunbid.platform.tendering;
