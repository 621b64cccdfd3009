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
 * One group purchase (团购) of the e-mall: buyers join with their quantities until {@code joinUntil}; from then until
 * {@code closesAt} eligible suppliers quote one unit price (at most the ceiling) for the combined quantity, which is
 * fixed and known to all by then. Quotes are sealed: nobody sees a rival's quote or how many there are until the close;
 * a supplier may replace its own quote, the last one standing (its time is the replacement's). At the close the lowest
 * standing quote of a still eligible supplier wins, a tie going to the earlier — the same decision as a reverse
 * auction's ({@link ReverseAuction#decide}) — and every buyer gets its own order at that price. With fewer buyers than
 * {@code minBuyers} or fewer quotes than {@code minQuotes} it fails.
 *
 * <p>Plain Java; the time is the injected clock's. The service holds a row lock per group while it changes one.
 */
public final class GroupPurchase {

    /** The fixed terms. */
    public record Terms(BigDecimal ceiling, Instant joinUntil, Instant closesAt, int minQuotes, int minBuyers) {
        public Terms {
            Objects.requireNonNull(ceiling);
            Objects.requireNonNull(joinUntil);
            Objects.requireNonNull(closesAt);
            if (ceiling.signum() <= 0 || !closesAt.isAfter(joinUntil) || minQuotes < 1 || minBuyers < 1) {
                throw new IllegalArgumentException("ceiling > 0, joinUntil < closesAt, minimums >= 1");
            }
        }
    }

    /** Where a group purchase is at an instant. */
    public enum Phase {
        /** Buyers join. */
        JOINING,
        /** Suppliers quote for the combined quantity. */
        QUOTING,
        /** Past the close, or closed. */
        CLOSED
    }

    /** A buyer's share. */
    public record Member(UUID buyerId, int quantity, Instant joinedAt) {
    }

    /** Why a step is refused. */
    public enum Refusal {
        /** Not in the phase the step needs. */
        WRONG_PHASE,
        /** Quantity below 1, or a price not positive in whole fen. */
        MALFORMED,
        /** Above the ceiling. */
        ABOVE_CEILING,
        /** Too few buyers joined: no quotes are taken. */
        TOO_FEW_BUYERS
    }

    private final Terms terms;
    private final Clock clock;
    private final Map<UUID, Member> members = new LinkedHashMap<>();
    private final List<Comparison.Quote> quotes = new ArrayList<>();
    private ReverseAuction.Status status;

    private GroupPurchase(Terms terms, Clock clock, ReverseAuction.Status status) {
        this.terms = Objects.requireNonNull(terms);
        this.clock = Objects.requireNonNull(clock);
        this.status = Objects.requireNonNull(status);
    }

    public static GroupPurchase open(Terms terms, Clock clock) {
        return new GroupPurchase(terms, clock, ReverseAuction.Status.OPEN);
    }

    public static GroupPurchase restore(Terms terms, ReverseAuction.Status status, List<Member> members,
            List<Comparison.Quote> quotes, Clock clock) {
        GroupPurchase g = new GroupPurchase(terms, clock, status);
        members.forEach(m -> g.members.put(m.buyerId(), m));
        g.quotes.addAll(quotes);
        return g;
    }

    public Terms terms() {
        return terms;
    }

    public ReverseAuction.Status status() {
        return status;
    }

    public Phase phase() {
        Instant now = clock.instant();
        if (status != ReverseAuction.Status.OPEN || !now.isBefore(terms.closesAt())) {
            return Phase.CLOSED;
        }
        return now.isBefore(terms.joinUntil()) ? Phase.JOINING : Phase.QUOTING;
    }

    public boolean dueToClose() {
        return status == ReverseAuction.Status.OPEN && !clock.instant().isBefore(terms.closesAt());
    }

    /** The members, in joining order. */
    public List<Member> members() {
        return List.copyOf(members.values());
    }

    /** The combined quantity the suppliers quote for. */
    public int totalQuantity() {
        return members.values().stream().mapToInt(Member::quantity).sum();
    }

    /** A buyer joins, or changes its quantity, while joining is open; returns the refusal or null. */
    public Refusal join(UUID buyerId, int quantity) {
        if (phase() != Phase.JOINING) {
            return Refusal.WRONG_PHASE;
        }
        if (quantity < 1) {
            return Refusal.MALFORMED;
        }
        Member before = members.get(buyerId);
        members.put(buyerId, new Member(buyerId, quantity, before == null ? clock.instant() : before.joinedAt()));
        return null;
    }

    /** A supplier quotes (or replaces its quote) while quoting is open; returns the refusal or null. */
    public Refusal quote(UUID supplierId, UUID listingId, BigDecimal unitPrice) {
        if (phase() != Phase.QUOTING) {
            return Refusal.WRONG_PHASE;
        }
        if (members.size() < terms.minBuyers()) {
            return Refusal.TOO_FEW_BUYERS;
        }
        if (unitPrice == null || unitPrice.signum() <= 0 || unitPrice.stripTrailingZeros().scale() > 2) {
            return Refusal.MALFORMED;
        }
        if (unitPrice.compareTo(terms.ceiling()) > 0) {
            return Refusal.ABOVE_CEILING;
        }
        quotes.add(new Comparison.Quote(listingId, supplierId, unitPrice.setScale(2), clock.instant()));
        return null;
    }

    /** The supplier's own standing quote, if any: all it is shown before the close. */
    public java.util.Optional<Comparison.Quote> own(UUID supplierId) {
        return ReverseAuction.standing(quotes).stream().filter(q -> q.supplierId().equals(supplierId)).findFirst();
    }

    /** The quotes in receipt order (for storing only). */
    public List<Comparison.Quote> quotes() {
        return Collections.unmodifiableList(quotes);
    }

    /**
     * Closes once past {@code closesAt}: too few buyers, or too few eligible standing quotes, fail it; otherwise the
     * lowest (then earliest) wins and each member's order is at its price.
     *
     * @throws IllegalStateException before the close or when already closed
     */
    public ReverseAuction.Outcome close(Predicate<Comparison.Quote> stillEligible) {
        if (!dueToClose()) {
            throw new IllegalStateException("not due to close");
        }
        ReverseAuction.Outcome outcome;
        if (members.size() < terms.minBuyers()) {
            outcome = new ReverseAuction.Outcome(ReverseAuction.Status.FAILED, null, List.of(), 0,
                    "参加团购的采购人 " + members.size() + " 个，少于 " + terms.minBuyers() + " 个");
        } else {
            outcome = ReverseAuction.decide(ReverseAuction.standing(quotes), stillEligible, terms.minQuotes());
        }
        status = outcome.status();
        return outcome;
    }
}
