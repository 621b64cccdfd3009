package org.sunbid.platform.sealing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.SealingError;
import org.sunbid.platform.tendering.DepositTerms;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderingError;

/**
 * A bidder's sealed bid (投标文件) on one tender: every envelope it sent there, oldest first, each received → replaced
 * or withdrawn, at most one of them live. The aggregate owns the rules of bid submission: an envelope is accepted only
 * from a registered bidder with a settled deposit, strictly before the deadline by the platform's clock and never while
 * the tender is suspended (tendering's rule, {@link DepositTerms#acceptsBids}: Law 28, Reg. 22), the first bid and at
 * most {@code maxReplacements} more; a newer envelope replaces the live one (the last valid envelope counts); a
 * withdrawal (Law 29) names the very envelope it withdraws. Every transition takes the current time from the caller.
 * Plain Java: the storage (append-only rows: the envelope received, then at most one status change) is the repository's.
 */
public final class SealedBid {

    /** One envelope the bidder sent: its hash, when it arrived, and where it stands since when. */
    public record Envelope(UUID id, String sm3, Instant receivedAt, EnvelopeStatus status, Instant statusAt) {

        public Envelope {
            Objects.requireNonNull(id);
            Objects.requireNonNull(sm3);
            Objects.requireNonNull(receivedAt);
            Objects.requireNonNull(status);
        }

        /** Whether this is the bidder's live bid. */
        public boolean live() {
            return status == EnvelopeStatus.VALID;
        }

        private Envelope changedTo(EnvelopeStatus next, Instant at) {
            if (!live()) { // a replaced or withdrawn envelope is final: no status is written twice
                throw new DomainException(SealingError.BID_NOT_FOUND);
            }
            return new Envelope(id, sm3, receivedAt, next, at);
        }
    }

    /** A status change this aggregate made and the repository must write (once). */
    public record StatusChange(UUID envelopeId, EnvelopeStatus status, Instant at) {
    }

    /** What the caller knows of the bidder from the contexts that own it: its registration and its deposit. */
    public record Bidder(UUID id, boolean registered, boolean depositSettled) {
    }

    private final UUID tenderId;
    private final UUID bidderId;
    private final List<Envelope> envelopes;
    private final List<StatusChange> changes = new ArrayList<>();
    private Envelope received;

    private SealedBid(UUID tenderId, UUID bidderId, List<Envelope> envelopes) {
        this.tenderId = Objects.requireNonNull(tenderId);
        this.bidderId = Objects.requireNonNull(bidderId);
        this.envelopes = new ArrayList<>(envelopes);
        if (this.envelopes.stream().filter(Envelope::live).count() > 1) {
            throw new IllegalStateException("two live envelopes of one bidder on tender " + tenderId);
        }
    }

    /** A bidder's bid as stored (no envelope yet when it never sent one); no rule is re-checked. */
    public static SealedBid restore(UUID tenderId, UUID bidderId, List<Envelope> envelopes) {
        return new SealedBid(tenderId, bidderId, envelopes);
    }

    /**
     * Checks, changing nothing, that an envelope from {@code bidder} would be accepted at {@code now}: registered, the
     * tender accepting bids (not suspended, Reg. 22; strictly before the deadline, Law 28), the deposit settled, and a
     * replacement left. Run before the body is read, and again by {@link #receive} once it has arrived.
     */
    public void checkAcceptable(DepositTerms terms, Bidder bidder, Instant now, int maxReplacements) {
        if (!bidder.id().equals(bidderId) || !bidder.registered()) {
            throw new DomainException(TenderingError.NOT_REGISTERED, tenderId);
        }
        checkOpen(terms, now);
        if (!bidder.depositSettled()) {
            throw new DomainException(SealingError.DEPOSIT_NOT_SETTLED);
        }
        // Each envelope a bidder sends stays (replaced ones too, until the deadline): the first and at most
        // maxReplacements more, so nobody can fill the store through one registration.
        if (envelopes.size() > maxReplacements) {
            throw new DomainException(SealingError.BID_REPLACEMENTS_EXHAUSTED, maxReplacements);
        }
    }

    /**
     * Receives envelope {@code envelopeId} (SM3 {@code sm3}), whole and verified, at {@code now}: the rules of
     * {@link #checkAcceptable} again (the moment that counts is when the whole envelope is in), the same envelope never
     * twice; the live envelope, if any, is replaced. Returns the new live envelope.
     */
    public Envelope receive(UUID envelopeId, String sm3, DepositTerms terms, Bidder bidder, Instant now, int maxReplacements) {
        checkAcceptable(terms, bidder, now, maxReplacements);
        if (envelopes.stream().anyMatch(e -> e.sm3().equals(sm3))) {
            throw new DomainException(SealingError.ENVELOPE_ALREADY_RECEIVED);
        }
        live().ifPresent(current -> change(current, EnvelopeStatus.REPLACED, now));
        received = new Envelope(envelopeId, sm3, now, EnvelopeStatus.VALID, now);
        envelopes.add(received);
        return received;
    }

    /**
     * Withdraws the live envelope at {@code now} (Law 29: before the deadline; not while suspended, Reg. 22) on a
     * statement the bidder signed for envelope {@code statedSm3}, which must be the live one (a statement signed for a
     * since replaced envelope withdraws nothing). Returns the withdrawn envelope.
     */
    public Envelope withdraw(String statedSm3, DepositTerms terms, Instant now) {
        checkOpen(terms, now);
        Envelope current = live().orElseThrow(() -> new DomainException(SealingError.BID_NOT_FOUND));
        if (!current.sm3().equals(statedSm3)) {
            throw new DomainException(SealingError.WITHDRAWAL_INVALID);
        }
        return change(current, EnvelopeStatus.WITHDRAWN, now);
    }

    private Envelope change(Envelope current, EnvelopeStatus next, Instant now) {
        Envelope changed = current.changedTo(next, now);
        envelopes.set(envelopes.indexOf(current), changed);
        changes.add(new StatusChange(current.id(), next, now));
        return changed;
    }

    /** Tendering's rule, asked through its API; the refusal names why (suspended before the deadline, or closed). */
    private static void checkOpen(DepositTerms terms, Instant now) {
        if (!terms.acceptsBids(now)) {
            if (terms.suspendedByComplaint(now)) {
                throw new DomainException(SealingError.GPL_57_PROCUREMENT_SUSPENDED);
            }
            throw new DomainException(terms.status() == TenderStatus.SUSPENDED && now.isBefore(terms.bidDeadline())
                    ? SealingError.BIDDING_SUSPENDED : SealingError.BIDDING_CLOSED);
        }
    }

    /** The live envelope: the bidder's bid as it stands. */
    public Optional<Envelope> live() {
        return envelopes.stream().filter(Envelope::live).findFirst();
    }

    /** Every envelope sent, oldest first. */
    public List<Envelope> envelopes() {
        return List.copyOf(envelopes);
    }

    /** The envelope received by this instance ({@link #receive}), to be stored; empty otherwise. */
    public Optional<Envelope> received() {
        return Optional.ofNullable(received);
    }

    /** The status changes made by this instance, to be stored once each, in order. */
    public List<StatusChange> changes() {
        return List.copyOf(changes);
    }

    public UUID tenderId() {
        return tenderId;
    }

    public UUID bidderId() {
        return bidderId;
    }
}
