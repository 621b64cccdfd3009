package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.UUID;

/**
 * A tender's bid deadline moved (a draft's revision, a clarification under Law 23 / Reg. 21, an objection's suspension and resumption under
 * Reg. 22, a complaint's suspension under 政府采购法 Art. 57 / Reg. 62): published in the transaction that moved it, for
 * what is tied to the deadline elsewhere (the opening hall's booking, issue 20).
 *
 * @param tenderId   the tender (lot)
 * @param regionCode its region
 * @param from       the deadline before
 * @param to         the deadline now
 * @param cause      what moved it: {@code revision} (a draft), {@code clarification}, {@code objection}, {@code complaint}
 */
public record BidDeadlineMoved(UUID tenderId, String regionCode, Instant from, Instant to, String cause) {
}
