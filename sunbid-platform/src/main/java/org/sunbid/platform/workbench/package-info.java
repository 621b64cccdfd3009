/**
 * The signed-in user's workbench (工作台): a home per role with the role's menu, to-do list (assembled from the owning
 * contexts' queries), supervisors' flags from the log and certificates; the pages over tenders, registrations,
 * deposits, bids and receipts, openings, draws, the committee's workspace and the award, the organisation register and
 * the region tree. It depends on the contexts it shows, never the other way round.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package org.sunbid.platform.workbench;
