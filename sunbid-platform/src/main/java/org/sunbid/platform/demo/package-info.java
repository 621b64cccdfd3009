/**
 * Demo data (演示数据): a city with its counties and townships, the trading centre, tenderees, an agency, bidders,
 * experts, a supervisor and an administrator, each with a demo-CA certificate. Loaded through the other contexts'
 * public APIs only, so it exercises the same rules as real use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.sunbid.platform.demo;
