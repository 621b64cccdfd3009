package org.sunbid.platform.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lot's negotiation as one party may see it. The panel sees every supplier and every notice; a supplier sees only
 * itself, its own notices and its own thread; the purchaser and the centre's staff see where it stands, without the
 * threads or the changes' text, until the result.
 *
 * @param lotId         the lot (tender)
 * @param viewer        {@code PANEL}, {@code SUPPLIER} or {@code OBSERVER}
 * @param status        where it stands ({@link org.sunbid.platform.procurement.domain.NegotiationStatus})
 * @param round         the current round, from 1
 * @param offerDeadline the current round's final-offer deadline, once called
 * @param stop          why it stopped, or null
 * @param suppliers     the suppliers the viewer may see
 * @param rounds        every round
 * @param changes       the document changes (text for the panel and the suppliers)
 * @param thread        the supplier's own thread (a supplier's view only)
 * @param panel         the seated panel's members' names (the panel's view only)
 */
public record NegotiationView(UUID lotId, String viewer, String status, int round, Instant offerDeadline, StopView stop,
        List<SupplierView> suppliers, List<RoundView> rounds, List<ChangeView> changes, List<MessageView> thread,
        List<String> panel) {

    /** Why the negotiation stopped (74号令 Art. 37; 214号 Art. 21; 财库〔2015〕124号). */
    public record StopView(String code, int remaining, int minimum, String article) {
    }

    /** A supplier; {@code messages} counts its thread (panel's view). */
    public record SupplierView(UUID id, String name, boolean remaining, Integer excludedInRound, Instant excludedAt,
            String exclusionReason, int messages) {
    }

    public record RoundView(int number, Instant startedAt, Instant offersCalledAt, Instant offerDeadline, Instant offersOpenedAt) {
    }

    /** A change and its written delivery to each supplier the viewer may see. */
    public record ChangeView(UUID id, int round, String text, String textSm3, Instant postedAt, Instant respondBy,
            List<NoticeView> notices) {
    }

    public record NoticeView(UUID supplierId, Instant deliveredAt, Instant acknowledgedAt) {
    }

    /** One message of a supplier's thread. */
    public record MessageView(UUID id, int round, String side, String text, String textSm3, Instant postedAt, String postedBy) {
    }

    /** One supplier's whole thread with the panel. */
    public record ThreadView(UUID lotId, UUID supplierId, String supplier, List<MessageView> messages) {
    }
}
