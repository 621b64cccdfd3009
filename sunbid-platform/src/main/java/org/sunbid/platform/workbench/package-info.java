/**
 * The signed-in user's workbench (工作台): a home per role with the role's menu, to-do list and certificates, and the
 * staff pages over the organisation register and the region tree. It depends on the contexts it shows, never the other
 * way round.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package org.sunbid.platform.workbench;
