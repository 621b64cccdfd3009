package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.UUID;

/**
 * A clarification or amendment of the tender documents (澄清/修改), published to every registered bidder.
 *
 * @param id                  its identity
 * @param issuedAt            when it was issued
 * @param text                what it says
 * @param affectsPreparation  whether it may affect how bids are prepared
 * @param deadlineMovedTo     the new bid deadline if issuing it moved the deadline (Law 23, Reg. 21), else null
 */
public record Clarification(UUID id, Instant issuedAt, String text, boolean affectsPreparation, Instant deadlineMovedTo) {
}
