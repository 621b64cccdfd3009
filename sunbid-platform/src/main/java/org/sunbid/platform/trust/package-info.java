/**
 * Trust (信任): which CA roots the platform trusts (any of them in every region, 互认), the built-in demo CA, and the
 * platform's own SM2 signing identity that signs receipts, log tree heads and published records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trust")
package org.sunbid.platform.trust;
