package org.sunbid.platform.credit;

import java.util.UUID;

/**
 * A credit record was made or withdrawn early (repair, objection upheld, dropped by a newer version of its external
 * list): published in the transaction that changed it, for those who keep a subject's records in memory
 * ({@link CreditStanding}: a live auction room) to read them again once it committed. A restriction's own start and end
 * need no event: a standing compares them with the clock.
 *
 * @param recordId the record
 * @param subject  whom it is about
 */
public record CreditRecordChanged(UUID recordId, CreditSubject subject) {
}
