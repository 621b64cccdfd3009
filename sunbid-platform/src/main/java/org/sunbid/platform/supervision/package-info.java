/**
 * Supervision (行政监督) of what must trade on the platform: the must-trade catalogue (应进必进, 公共资源交易平台管理暂行办法
 * Art. 8; 必须招标的工程项目规定 Art. 5) as dated data per region, inherited down the region tree; exemptions (不进场交易)
 * applied for by owners and approved or returned one by one by the region's supervisor, published on the portal;
 * reports of deals made elsewhere (场外交易报告, within 20 days of the result) published once filed; and the flags the
 * supervisor sees: overdue reports, off-platform deals the catalogue requires without an approved exemption, and
 * purchases split to stay under the open-tender threshold (政府采购法实施条例 Art. 28). The rules are plain Java in
 * {@code domain} ({@code MustTrade}, {@code SplitPurchases}); this package stores the records and logs every change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision (must-trade catalogue, exemptions, off-platform reports)")
package org.sunbid.platform.supervision;
