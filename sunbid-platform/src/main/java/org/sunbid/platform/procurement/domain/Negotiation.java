package org.sunbid.platform.procurement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.NegotiationError;

/**
 * A lot's negotiation (竞争性谈判 74号令 Art. 31–37, 竞争性磋商 财库〔2014〕214号 Art. 17–21, 单一来源 74号令 Art. 42): after the
 * responses were opened and the panel seated, rounds numbered from 1. In each round the panel negotiates with each
 * remaining supplier alone (its own thread), may change the documents — every change is delivered in writing to every
 * remaining supplier at once and each acknowledges it (74号令 Art. 32; 214号 Art. 18) — may exclude a non-compliant
 * supplier, and calls for sealed final offers with a deadline; once the round's offers are opened the panel starts
 * another round or closes. Too few remaining suppliers stop it (74号令 Art. 37; 214号 Art. 21; 财库〔2015〕124号).
 *
 * <p>Plain Java: the caller passes {@code now} and the lot's {@link NegotiationTerms} at that instant.
 */
public final class Negotiation {

    /** Where the stop rule names its reason. */
    public static final String TOO_FEW_SUPPLIERS = "GPL74_ART37_TOO_FEW_SUPPLIERS";

    /**
     * A supplier whose response was opened.
     *
     * @param excludedInRound the round it was excluded in, or null while it takes part
     */
    public record Supplier(UUID id, String name, Integer excludedInRound, Instant excludedAt, String exclusionReason) {

        public Supplier {
            Objects.requireNonNull(id);
        }

        public boolean remaining() {
            return excludedInRound == null;
        }
    }

    /** The written delivery of a change to one supplier, and its acknowledgement (null until given). */
    public record Notice(UUID supplierId, Instant deliveredAt, Instant acknowledgedAt) {
    }

    /** A change of the documents in a round, with its delivery to each supplier. */
    public record Change(UUID id, int round, Instant postedAt, Map<UUID, Notice> notices) {

        public Change {
            notices = Map.copyOf(notices);
        }
    }

    /** One round: when the final offers were called and until when, and when they were opened. */
    public record Round(int number, Instant startedAt, Instant offersCalledAt, Instant offerDeadline, Instant offersOpenedAt) {
    }

    /** Why the negotiation stopped: fewer remaining suppliers than the rule's minimum. */
    public record Stop(String code, int remaining, int minimum, String article) {
    }

    private final UUID lotId;
    private final NegotiationTerms terms;
    private final Map<UUID, Supplier> suppliers;
    private final List<Round> rounds;
    private final List<Change> changes;
    private NegotiationStatus status;
    private Stop stop;

    /** A negotiation as stored (the store restores it; {@link #start} begins one). */
    public Negotiation(UUID lotId, NegotiationTerms terms, NegotiationStatus status, Collection<Supplier> suppliers,
            List<Round> rounds, List<Change> changes, Stop stop) {
        this.lotId = Objects.requireNonNull(lotId);
        this.terms = Objects.requireNonNull(terms);
        this.status = Objects.requireNonNull(status);
        this.suppliers = new LinkedHashMap<>();
        suppliers.forEach(s -> this.suppliers.put(s.id(), s));
        this.rounds = new ArrayList<>(rounds);
        this.changes = new ArrayList<>(changes);
        this.stop = stop;
    }

    /**
     * Round 1 begins with every supplier whose response was opened. Refused where the lot's rules have no rounds (询价,
     * 74号令 Art. 51); stopped at once where fewer suppliers responded than the rules require (74号令 Art. 37).
     */
    public static Negotiation start(UUID lotId, NegotiationTerms terms, Map<UUID, String> respondents, Instant now) {
        if (!terms.roundsAllowed()) {
            throw new DomainException(NegotiationError.GPL74_ART51_NO_NEGOTIATION, terms.roundsArticle());
        }
        if (respondents.isEmpty()) {
            throw new DomainException(NegotiationError.NEGOTIATION_NOT_READY, "no opened response");
        }
        List<Supplier> list = respondents.entrySet().stream().map(e -> new Supplier(e.getKey(), e.getValue(), null, null, null)).toList();
        Negotiation n = new Negotiation(lotId, terms, NegotiationStatus.NEGOTIATING, list,
                List.of(new Round(1, now, null, null, null)), List.of(), null);
        n.stopIfTooFew();
        return n;
    }

    /** The panel or the supplier writes in the supplier's own thread: only while the round negotiates, only a remaining supplier. */
    public void checkThreadOpen(UUID supplierId) {
        requireStatus(NegotiationStatus.NEGOTIATING);
        requireRemaining(supplierId);
    }

    /**
     * The panel changes the documents (technical terms, requirements, contract terms — 74号令 Art. 32; 214号 Art. 18): the
     * change is delivered in writing to every remaining supplier at {@code now}.
     */
    public Change change(UUID changeId, Instant now) {
        requireStatus(NegotiationStatus.NEGOTIATING);
        Map<UUID, Notice> notices = new LinkedHashMap<>();
        remaining().forEach(id -> notices.put(id, new Notice(id, now, null)));
        Change change = new Change(changeId, round(), now, notices);
        changes.add(change);
        return change;
    }

    /** The supplier acknowledges a change delivered to it; acknowledging again changes nothing. */
    public Notice acknowledge(UUID changeId, UUID supplierId, Instant now) {
        Change change = changes.stream().filter(c -> c.id().equals(changeId)).findFirst()
                .orElseThrow(() -> new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND));
        Notice notice = change.notices().get(supplierId);
        if (notice == null) {
            throw new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND);
        }
        if (notice.acknowledgedAt() != null) {
            return notice;
        }
        Notice acknowledged = new Notice(supplierId, notice.deliveredAt(), now);
        Map<UUID, Notice> notices = new LinkedHashMap<>(change.notices());
        notices.put(supplierId, acknowledged);
        changes.set(changes.indexOf(change), new Change(change.id(), change.round(), change.postedAt(), notices));
        return acknowledged;
    }

    /**
     * The panel excludes a supplier that does not meet the documents' substantive requirements, with the reason; it is
     * out of every later round. Fewer remaining suppliers than the rules' minimum stop the negotiation.
     */
    public Supplier exclude(UUID supplierId, String reason, Instant now) {
        requireStatus(NegotiationStatus.NEGOTIATING);
        requireRemaining(supplierId);
        Supplier s = suppliers.get(supplierId);
        Supplier excluded = new Supplier(s.id(), s.name(), round(), now, reason);
        suppliers.put(supplierId, excluded);
        stopIfTooFew();
        return excluded;
    }

    /**
     * The panel calls for the round's final offers (最后报价) by {@code deadline}. Every change of the round must have been
     * delivered to every remaining supplier ({@code GPL74_ART32_CHANGE_NOT_NOTIFIED}) and each must have acknowledged it
     * or had the response time since its delivery ({@code GPL74_ART32_CHANGE_RESPONSE_TIME}). Returns the suppliers
     * asked.
     */
    public Set<UUID> callFinalOffers(Instant deadline, Instant now) {
        requireStatus(NegotiationStatus.NEGOTIATING);
        if (deadline == null || !deadline.isAfter(now)) {
            throw new DomainException(NegotiationError.OFFER_DEADLINE_INVALID);
        }
        Set<UUID> remaining = remaining();
        for (Change change : changes) {
            if (change.round() != round()) {
                continue;
            }
            for (UUID supplier : remaining) {
                Notice notice = change.notices().get(supplier);
                if (notice == null || notice.deliveredAt() == null) {
                    throw new DomainException(NegotiationError.GPL74_ART32_CHANGE_NOT_NOTIFIED, supplier);
                }
                boolean timeGiven = terms.responseTime().map(t -> !now.isBefore(notice.deliveredAt().plus(t))).orElse(false);
                if (notice.acknowledgedAt() == null && !timeGiven) {
                    throw new DomainException(NegotiationError.GPL74_ART32_CHANGE_RESPONSE_TIME,
                            terms.changeResponse().map(l -> l.plain() + " " + l.unit() + "（" + l.article() + "）").orElse("—"));
                }
            }
        }
        Round r = current();
        rounds.set(rounds.size() - 1, new Round(r.number(), r.startedAt(), now, deadline, null));
        status = NegotiationStatus.AWAITING_OFFERS;
        return remaining;
    }

    /** The final offers of round {@code round} were opened (sealing's record): the round is done. Repeated: no change. */
    public boolean offersOpened(int round, Instant openedAt) {
        if (round < round() || round == round() && current().offersOpenedAt() != null) {
            return false;
        }
        requireStatus(NegotiationStatus.AWAITING_OFFERS);
        if (round != round()) {
            throw new DomainException(NegotiationError.NEGOTIATION_STATE, "round " + round + " is not the current round " + round());
        }
        Round r = current();
        rounds.set(rounds.size() - 1, new Round(r.number(), r.startedAt(), r.offersCalledAt(), r.offerDeadline(), openedAt));
        status = NegotiationStatus.ROUND_DONE;
        return true;
    }

    /** The panel starts another round with the remaining suppliers. */
    public Round nextRound(Instant now) {
        requireStatus(NegotiationStatus.ROUND_DONE);
        Round next = new Round(round() + 1, now, null, null, null);
        rounds.add(next);
        status = NegotiationStatus.NEGOTIATING;
        stopIfTooFew();
        return next;
    }

    /** The panel closes the negotiation after a round's offers were opened. */
    public void close() {
        requireStatus(NegotiationStatus.ROUND_DONE);
        status = NegotiationStatus.CLOSED;
    }

    private void stopIfTooFew() {
        if (terms.finalOffersMin().isEmpty()) {
            return;
        }
        Limit min = terms.finalOffersMin().get();
        int remaining = remaining().size();
        if (remaining < min.whole()) {
            status = NegotiationStatus.STOPPED;
            stop = new Stop(TOO_FEW_SUPPLIERS, remaining, min.whole(), min.article());
        }
    }

    private void requireStatus(NegotiationStatus wanted) {
        if (status != wanted) {
            throw new DomainException(NegotiationError.NEGOTIATION_STATE, status + " (" + wanted + " needed)");
        }
    }

    private void requireRemaining(UUID supplierId) {
        Supplier s = suppliers.get(supplierId);
        if (s == null || !s.remaining()) {
            throw new DomainException(NegotiationError.SUPPLIER_NOT_IN_NEGOTIATION);
        }
    }

    /** The suppliers still in the negotiation, in the opening's order. */
    public Set<UUID> remaining() {
        Set<UUID> out = new LinkedHashSet<>();
        suppliers.values().stream().filter(Supplier::remaining).forEach(s -> out.add(s.id()));
        return out;
    }

    public UUID lotId() {
        return lotId;
    }

    public NegotiationTerms terms() {
        return terms;
    }

    public NegotiationStatus status() {
        return status;
    }

    /** The current round's number, from 1. */
    public int round() {
        return current().number();
    }

    public Round current() {
        return rounds.get(rounds.size() - 1);
    }

    public List<Round> rounds() {
        return List.copyOf(rounds);
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    public List<Supplier> suppliers() {
        return List.copyOf(suppliers.values());
    }

    public boolean takesPart(UUID supplierId) {
        return suppliers.containsKey(supplierId);
    }

    /** Why it stopped, or null. */
    public Stop stop() {
        return stop;
    }
}
