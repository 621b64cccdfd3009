/**
 * Who is who: organisations (with their unified social credit codes), the accounts of people who log in and their
 * roles, region scoping, login (web session and API token, throttled by source and account, never locked; security
 * events for administrators), the organisations' and experts' certificates (数字证书, checked against {@code trust}'s
 * roots and registered by their holders), and each organisation's basic account (基本账户, Reg. 26).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parties")
package org.sunbid.platform.parties;
