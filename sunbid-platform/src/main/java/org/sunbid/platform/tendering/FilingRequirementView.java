package org.sunbid.platform.tendering;

/**
 * What a tender's region requires of its documents before publication (招标文件备案), for pages and the API.
 *
 * @param required       whether the documents must be filed and accepted before publication
 * @param regionCode     the region whose rule applies, or null
 * @param reviewAmount   the supervisor's time limit, e.g. "5", or null
 * @param reviewUnit     its unit: DAY (日) or WORKING_DAY (工作日), or null
 * @param basis          the rule's legal basis, or null
 * @param supervisorId   the supervision department filings go to (nearest up the region tree), or null
 * @param supervisorName its name, or null
 * @param publishable    whether the documents as they are now are filed and accepted (or need not be)
 */
public record FilingRequirementView(boolean required, String regionCode, String reviewAmount, String reviewUnit, String basis,
        java.util.UUID supervisorId, String supervisorName, boolean publishable) {
}
