package org.sunbid.platform.supervision;

import java.time.Instant;

/**
 * Something the region's supervisor should look at (监督提醒), computed from supervision's records by the same rules
 * the records' actions use.
 *
 * @param kind       {@code offplatform-overdue} (a report not filed within 20 days of the result),
 *                   {@code offplatform-unexempted} (a deal the catalogue requires made off the platform without an
 *                   approved exemption) or {@code split-purchase} (政府采购法实施条例 Art. 28)
 * @param title      what it is about, for people (project code and name, purchaser and 品目)
 * @param link       the page that shows it
 * @param deadline   the deadline that passed, or null
 * @param detail     why, for people
 * @param regionCode where
 */
public record SupervisionFlag(String kind, String title, String link, Instant deadline, String detail, String regionCode) {
}
