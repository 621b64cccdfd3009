package org.sunbid.platform.mall.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One reverse auction (反向竞价/反拍) of the e-mall: a buyer asks for a quantity of one item at no more than a ceiling
 * price; during the window [opensAt, closesAt) every eligible supplier may bid down, each bid at least one decrement
 * below the bidder's own previous bid (the first: below the ceiling by at least one decrement). At the close each
 * supplier's last (lowest) bid stands; the lowest wins, a tie goes to the earlier bid (server time, domain-2 §0); with
 * fewer than {@code minBidders} suppliers still eligible at the close the auction fails and the buyer may compare.
 *
 * <p><b>Secrecy.</b> ⚠ Our choice: a bidder learns only its own bids — neither the rivals' names, nor their number, nor
 * the current lowest price. Showing the current lowest (as open live auctions do) would tell every bidder whether anyone
 * else bid at all (a count of at least one), invite signalling between suppliers and leave the last seconds to
 * sniping; a sealed descending offer keeps the bidding-down (a supplier may improve its own offer until the close)
 * without any of that. Every refusal depends on the bidder's own bids, the terms and the clock only, so a refusal says
 * nothing about the others either.
 *
 * <p>Plain Java, no Spring; the time is the injected clock's. Not thread-safe: the service holds a row lock per
 * auction while it bids or closes.
 */
public final class ReverseAuction {

    /** Where an auction stands. */
    public enum Status {
        /** Open for bids until the close (or past it, not yet closed). */
        OPEN,
        /** Closed with a winner (the order follows). */
        AWARDED,
        /** Closed without one: too few suppliers. */
        FAILED
    }

    /** The fixed terms. */
    public record Terms(int quantity, BigDecimal ceiling, BigDecimal decrement, Instant opensAt, Instant closesAt, int minBidders) {
        public Terms {
            Objects.requireNonNull(ceiling);
            Objects.requireNonNull(decrement);
            Objects.requireNonNull(opensAt);
            Objects.requireNonNull(closesAt);
            if (quantity < 1 || ceiling.signum() <= 0 || decrement.signum() <= 0 || decrement.compareTo(ceiling) >= 0
                    || !closesAt.isAfter(opensAt) || minBidders < 1) {
                throw new IllegalArgumentException("quantity >= 1, 0 < decrement < ceiling, opensAt < closesAt, minBidders >= 1");
            }
        }
    }

    /** Why a bid is refused. */
    public enum Refusal {
        /** Before the window opens. */
        NOT_OPEN,
        /** At or after the close, or closed. */
        CLOSED,
        /** Not a positive amount in whole fen. */
        MALFORMED,
        /** Above the bidder's highest acceptable price now ({@link Decision#limit}). */
        TOO_HIGH
    }

    /**
     * A bid's outcome: accepted (refusal null) or refused; {@code limit} is the highest price the bidder may bid now
     * (its own previous bid or the ceiling, less one decrement), which depends on nothing but its own bids.
     */
    public record Decision(Comparison.Quote bid, Refusal refusal, BigDecimal limit) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    /** The close: the winner (null when failed), each supplier's standing bid from the winner down, why it failed. */
    public record Outcome(Status status, Comparison.Quote winner, List<Comparison.Quote> standing, int validSuppliers,
                          String failure) {
    }

    private final Terms terms;
    private final Clock clock;
    private final List<Comparison.Quote> bids = new ArrayList<>();
    private Status status;

    private ReverseAuction(Terms terms, Clock clock, Status status) {
        this.terms = Objects.requireNonNull(terms);
        this.clock = Objects.requireNonNull(clock);
        this.status = Objects.requireNonNull(status);
    }

    /** A new auction, open from its terms' opening. */
    public static ReverseAuction open(Terms terms, Clock clock) {
        return new ReverseAuction(terms, clock, Status.OPEN);
    }

    /** An auction as stored: its status and every accepted bid in receipt order. */
    public static ReverseAuction restore(Terms terms, Status status, List<Comparison.Quote> bids, Clock clock) {
        ReverseAuction a = new ReverseAuction(terms, clock, status);
        a.bids.addAll(bids);
        return a;
    }

    public Terms terms() {
        return terms;
    }

    public Status status() {
        return status;
    }

    /** Whether bids are taken now. */
    public boolean biddingNow() {
        Instant now = clock.instant();
        return status == Status.OPEN && !now.isBefore(terms.opensAt()) && now.isBefore(terms.closesAt());
    }

    /** Whether the window is over and the auction still waits to be closed. */
    public boolean dueToClose() {
        return status == Status.OPEN && !clock.instant().isBefore(terms.closesAt());
    }

    /** The highest price {@code supplierId} may bid now: below its own last bid, or the ceiling, by one decrement. */
    public BigDecimal limitFor(UUID supplierId) {
        return own(supplierId).stream().reduce((a, b) -> b).map(Comparison.Quote::unitPrice).orElse(terms.ceiling())
                .subtract(terms.decrement());
    }

    /** A supplier bids {@code unitPrice} with {@code listingId}; the receipt time is the clock's. */
    public Decision bid(UUID supplierId, UUID listingId, BigDecimal unitPrice) {
        Instant now = clock.instant();
        BigDecimal limit = limitFor(supplierId);
        if (status != Status.OPEN || !now.isBefore(terms.closesAt())) {
            return new Decision(null, Refusal.CLOSED, limit);
        }
        if (now.isBefore(terms.opensAt())) {
            return new Decision(null, Refusal.NOT_OPEN, limit);
        }
        if (unitPrice == null || unitPrice.signum() <= 0 || unitPrice.stripTrailingZeros().scale() > 2) {
            return new Decision(null, Refusal.MALFORMED, limit);
        }
        if (unitPrice.compareTo(limit) > 0) {
            return new Decision(null, Refusal.TOO_HIGH, limit);
        }
        Comparison.Quote bid = new Comparison.Quote(listingId, supplierId, unitPrice.setScale(2), now);
        bids.add(bid);
        return new Decision(bid, null, limitFor(supplierId));
    }

    /** The bids of {@code supplierId}, in receipt order: all a bidder is ever shown before the close. */
    public List<Comparison.Quote> own(UUID supplierId) {
        return bids.stream().filter(b -> b.supplierId().equals(supplierId)).toList();
    }

    /**
     * Closes the auction once its window is over: each supplier's last bid stands if {@code stillEligible} (an approved
     * listing, no credit restriction at the close); the lowest of those wins, a tie going to the earlier bid.
     *
     * @throws IllegalStateException before the close or when already closed
     */
    public Outcome close(Predicate<Comparison.Quote> stillEligible) {
        if (!dueToClose()) {
            throw new IllegalStateException("not due to close: " + status + ", closes " + terms.closesAt());
        }
        Outcome outcome = decide(standing(bids), stillEligible, terms.minBidders());
        status = outcome.status();
        return outcome;
    }

    /** The bids in receipt order (for storing; never for showing before the close). */
    public List<Comparison.Quote> bids() {
        return Collections.unmodifiableList(bids);
    }

    /** Each supplier's last offer, in receipt order (its lowest: every bid is below its previous one). */
    static List<Comparison.Quote> standing(List<Comparison.Quote> offers) {
        Map<UUID, Comparison.Quote> last = new LinkedHashMap<>();
        offers.forEach(q -> last.put(q.supplierId(), q));
        return List.copyOf(last.values());
    }

    /** The sealed offers' decision, shared with the group purchase: eligible standing offers, enough of them, the lowest. */
    static Outcome decide(List<Comparison.Quote> standing, Predicate<Comparison.Quote> stillEligible, int minimum) {
        List<Comparison.Quote> valid = standing.stream().filter(stillEligible).sorted(Comparison.ORDER).toList();
        if (valid.size() < minimum) {
            return new Outcome(Status.FAILED, null, valid, valid.size(), "有效报价供应商 " + valid.size() + " 家，少于 " + minimum + " 家");
        }
        return new Outcome(Status.AWARDED, Comparison.lowest(valid), valid, valid.size(), null);
    }
}
