/**
 * Government procurement beyond the open tender (政府采购非招标方式): invitations to suppliers (邀请招标's verifiable draw,
 * the purchaser's recommendations for 竞争性谈判/磋商/询价), negotiation and consultation rounds (each supplier alone
 * with the panel, document changes notified in writing to every supplier), sealed final offers per round through
 * {@code sealing}, and single-source negotiation minutes. Each method is a procedure of {@code deals} whose dated
 * rules decide; registration, deposits, sealing, the draw, evaluation, results, contracts and refunds come from the
 * shared contexts.
 *
 * <p>Framework agreements (框架协议采购, 财政部令第110号, issue 22): {@link org.sunbid.platform.procurement.FrameworkAgreements}
 * runs the first stage (a project/lot of procedure {@code ZFCG_FRAMEWORK}, responses with unit prices under the
 * mandatory maximum, shortlisting with the elimination rule, the shortlist notice, joins of open agreements) and
 * {@link org.sunbid.platform.procurement.FrameworkOrders} the second (direct selection, sealed secondary competition,
 * rotation; each order a contract published within 2 工作日, late ones flagged to supervision). The rules are plain Java
 * in {@code procurement.framework}; the tables are {@code framework_*}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procurement (non-tender methods)")
package org.sunbid.platform.procurement;
