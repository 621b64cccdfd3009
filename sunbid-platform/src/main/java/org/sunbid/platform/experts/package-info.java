/**
 * The expert database (专家库): evaluation experts' profiles, specialties and status. The verifiable random draw
 * comes with its own issue; for now this context holds the profiles the demo and the workbench show.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experts")
package org.sunbid.platform.experts;
