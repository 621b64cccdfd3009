/**
 * The shared kernel: what every context needs and none owns. Error codes and their mapping to RFC 9457
 * problem+json, the injected {@link java.time.Clock} (and the demo loader's {@code TimeTravel}), amounts as people
 * type them, the content-addressed {@code FileStore}, locale handling (zh-CN first), page model, the deployment's
 * settings, the embedded/external PostgreSQL set-up, and the care of Spring Modulith's event publication registry
 * ({@code EventPublications}: failed publications resubmitted, completed ones deleted after a while). Nothing here
 * knows a business rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.sunbid.platform.kernel;
