/**
 * Inquiries, challenges and complaints (询问、质疑、投诉): a supplier asks or challenges the purchaser or agency within
 * the statutory limits (政府采购法 Art. 51–55, 实施条例 Art. 52–54), complains to the finance department (财政部令第94号)
 * or, for construction tenders, to the supervision department (招标投标法实施条例 Art. 60–62); every limit counted by
 * the system, every step in the transparency log, decisions published on the portal. A challenge that may change the
 * result holds the contract through evaluation's {@code ContractHolds} port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints (inquiries, challenges, complaints)")
package org.sunbid.platform.complaints;
