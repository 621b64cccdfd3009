package org.sunbid.platform.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * The candidates of a tender (a lot) went public (中标候选人公示, Reg. 54): from {@code startsAt} the portal shows them,
 * and the bidders' objections may be lodged until {@code endsAt}. Published in the transaction that starts the
 * publicity, so that what follows the public notices (search, subscriptions, the national exchange) learns of it at once.
 *
 * @param tenderId the tender (lot)
 * @param startsAt when the publicity started
 * @param endsAt   when it ends (objections are refused from then)
 */
public record PublicityStarted(UUID tenderId, Instant startsAt, Instant endsAt) {
}
