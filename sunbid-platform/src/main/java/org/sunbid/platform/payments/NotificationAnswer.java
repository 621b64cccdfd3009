package org.sunbid.platform.payments;

import java.util.UUID;

/**
 * The platform's answer to a bank notification. A replay gets the first answer again, with {@code replayed} set, and
 * changes nothing.
 */
public record NotificationAnswer(String txnId, String result, UUID refundInstructionId, boolean replayed) {
}
