/**
 * Credit (信用监管与联合惩戒, issue 20): records of bad behaviour with their legal basis, issuing body, decision document,
 * class (轻微/一般/严重, 信用修复管理办法 发改委令第36号, in force 2026-04-01) and the periods of their publication and of any
 * restriction — from the platform's own decisions and from external lists imported with their source and date — and
 * the check every gate of the platform asks ({@link CreditChecks}: registration and bidding, invitation lists, the
 * expert draw, agency selection, auction qualification) at the gate's own time. Other contexts use {@link CreditChecks}
 * and {@link CreditRecords}; the tables are credit's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit (records, external lists, gates, publication, repair)")
package org.sunbid.platform.credit;
