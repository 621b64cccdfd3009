/**
 * Government procurement beyond the open tender (政府采购非招标方式): invitations to suppliers (邀请招标's verifiable draw,
 * the purchaser's recommendations for 竞争性谈判/磋商/询价), negotiation and consultation rounds (each supplier alone
 * with the panel, document changes notified in writing to every supplier), sealed final offers per round through
 * {@code sealing}, and single-source negotiation minutes. Each method is a procedure of {@code deals} whose dated
 * rules decide; registration, deposits, sealing, the draw, evaluation, results, contracts and refunds come from the
 * shared contexts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procurement (non-tender methods)")
package org.sunbid.platform.procurement;
