/**
 * Demo data (演示数据): a city with its counties and townships, the trading centre, tenderees, an agency, bidders with
 * their basic accounts, experts, a supervisor and an administrator, each with a demo-CA certificate; a history (one
 * tender published, bid on, closed, opened, drawn and evaluated in the past, through {@code TimeTravel}, a government
 * procurement open tender beside it, and one finished deal of every other procurement method with a challenge and a
 * complaint, {@code DemoMethods}) and today's tenders. Loaded through the other contexts' public APIs only, so it exercises the same rules as real use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.sunbid.platform.demo;
