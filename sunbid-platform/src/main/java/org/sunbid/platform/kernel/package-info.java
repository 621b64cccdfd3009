/**
 * The shared kernel: what every context needs and none owns. Error codes and their mapping to RFC 9457
 * problem+json, the injected {@link java.time.Clock}, locale handling (zh-CN first), the deployment's settings, and the
 * embedded/external PostgreSQL set-up. Nothing here knows a business rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.sunbid.platform.kernel;
