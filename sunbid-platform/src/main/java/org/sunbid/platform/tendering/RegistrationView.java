package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration (报名): shown to the bidder itself, to a supervisor through logged break-glass access, and to the
 * tender's owners and staff once bidding has closed.
 *
 * @param id            the registration
 * @param tenderId      the tender
 * @param bidderId      the registered organisation
 * @param bidderName    its name
 * @param registeredAt  when it registered
 * @param committedSeq  the transparency-log digest entry that committed it, null until the next digest
 */
public record RegistrationView(UUID id, UUID tenderId, UUID bidderId, String bidderName, Instant registeredAt,
        Long committedSeq) {
}
