package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A filing of a draft's documents with the supervisor (招标文件备案), as pages and the API show it.
 *
 * @param id            the filing
 * @param tenderId      the tender (the lot)
 * @param projectCode   the tender's project code
 * @param tenderName    the tender's name
 * @param number        1 for the first filing, 2 after a return, …
 * @param documents     the documents filed, each with its SM3
 * @param documentsSm3  SM3 of the list of documents filed (what the log records)
 * @param supervisorId  the supervision department it is filed with
 * @param supervisorName that department's name
 * @param filedAt       when
 * @param filedBy       who (username)
 * @param due           the department decides by then (the region's time limit)
 * @param reviewAmount  the time limit's amount, e.g. "5"
 * @param reviewUnit    its unit: DAY (日) or WORKING_DAY (工作日)
 * @param basis         the rule's legal basis
 * @param status        pending, accepted or returned
 * @param reasons       the department's reasons (required for a return), or null
 * @param decidedAt     when decided, or null
 * @param decidedBy     who decided (username), or null
 * @param overdue       decided after the time limit (or, while pending, the limit has passed)
 * @param current       whether it covers the tender's documents as they are now
 */
public record FilingView(UUID id, UUID tenderId, String projectCode, String tenderName, int number, List<Document> documents,
        String documentsSm3, UUID supervisorId, String supervisorName, Instant filedAt, String filedBy, Instant due,
        String reviewAmount, String reviewUnit, String basis, FilingStatus status, String reasons, Instant decidedAt, String decidedBy,
        boolean overdue, boolean current) {

    /** A document as filed. */
    public record Document(String name, String sm3) {
    }

    public boolean pending() {
        return status == FilingStatus.PENDING;
    }
}
