/**
 * Who is who: organisations (with their unified social credit codes), the accounts of people who log in and their
 * roles, region scoping, login (web session and API token, throttled by source and account, never locked), and certificates (数字证书): the trusted CA roots,
 * the built-in demo CA and the platform's own SM2 signing identity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parties")
package org.sunbid.platform.parties;
