/**
 * Public disclosure (信息公开): the portal the public sees without logging in. Today its home page and guide; tender
 * notices, opening records and results join as their contexts publish them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure")
package org.sunbid.platform.disclosure;
