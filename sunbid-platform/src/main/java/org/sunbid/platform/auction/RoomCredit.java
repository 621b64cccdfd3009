package org.sunbid.platform.auction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditRecordChanged;
import org.sunbid.platform.credit.CreditStanding;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;

/**
 * The live room's credit gate (issue 20): a bidder numbered at qualification ({@link QualificationCredit}) but barred
 * at {@code Gate.AUCTION_QUALIFICATION} afterwards — a sanction decided during the auction period, or a record whose
 * restriction starts while the room runs — neither enters the room as a bidder nor bids: as at every gate, the record
 * in force at the gate's own time decides (for a bid, its server time), not the one in force when it qualified.
 * Accepted bids stay as they were lawful when received: a restricted bidder leading the room leads until outbid (the
 * result's own steps decide what follows).
 *
 * <p>The room asks at every bid, on its hot path, so the verdict is not a query: each bidder's {@link CreditStanding}
 * (its records at the gate with their restriction's start, end and withdrawal, its consortium's members with it) is
 * read once per lot when it first enters or bids, and kept. A bid compares it with the bid's own server time under the
 * room's sequencer, so a restriction starting during the auction bars from its instant, nobody acting. A record made or
 * withdrawn ({@link CreditRecordChanged}, once committed) drops the standings of its subject, read again at the next
 * entry or bid; a change made outside credit's API (none in the platform's code) reaches the rooms within
 * {@code sunbid.auction.credit-refresh} (default one minute): the room's tick reads the standings of each lot again in
 * one query. A lot's standings are forgotten when its bidding ended.
 */
@Component
class RoomCredit {

    private record Key(UUID lotId, UUID organisationId) {
    }

    private record Held(CreditStanding standing, long readAtNanos) {
    }

    private final CreditChecks checks;
    private final QualificationCredit qualification;
    private final Map<Key, Held> held = new ConcurrentHashMap<>();
    /** Changes seen so far (guarded by {@code this}): a standing read across a change is not kept. */
    private long changes;

    RoomCredit(CreditChecks checks, QualificationCredit qualification) {
        this.checks = checks;
        this.qualification = qualification;
    }

    /** The standing of bidder {@code organisationId} in lot {@code lotId}: kept (no query), or read now and kept. */
    CreditStanding standing(UUID lotId, UUID organisationId) {
        Key key = new Key(lotId, organisationId);
        Held h = held.get(key);
        return h != null ? h.standing() : read(key);
    }

    private CreditStanding read(Key key) {
        CreditStanding standing = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            long seen;
            synchronized (this) {
                seen = changes;
            }
            standing = checks.standing(Gate.AUCTION_QUALIFICATION, qualification.subjects(key.lotId(), key.organisationId()));
            synchronized (this) {
                if (changes == seen) { // no change committed while it was read: it stays true until the next one
                    held.put(key, new Held(standing, System.nanoTime()));
                    return standing;
                }
            }
        }
        return standing; // changes keep coming: answer the newest reading, keep none
    }

    /**
     * Refuses ({@code CREDIT_RESTRICTED}, the records named, the refusal a confidential record) if {@code standing} bars
     * at {@code verdict}'s time; for the room's entry and for a bid the sequencer found barred.
     */
    DomainException refuse(CreditVerdict verdict, UUID lotId, UUID organisationId, String region, Actor actor) {
        return qualification.refuse(verdict, lotId, organisationId, region, actor);
    }

    /** A record was made or withdrawn and committed: the standings naming its subject are read again when next asked. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CreditRecordChanged changed) {
        forget(changed.subject());
    }

    synchronized void forget(CreditSubject subject) {
        changes++;
        held.values().removeIf(h -> h.standing().concerns(subject));
    }

    /** Bidding in lot {@code lotId} ended: nothing more to check there. */
    void forget(UUID lotId) {
        held.keySet().removeIf(k -> k.lotId().equals(lotId));
    }

    /**
     * Reads again, one query per lot, the standings kept longer than {@code maxAge} (what no event told of: a record
     * changed outside credit's API). Called by the room's tick, never on a bid's path.
     */
    void refresh(Duration maxAge) {
        long now = System.nanoTime();
        Map<UUID, List<Map.Entry<Key, Held>>> stale = new LinkedHashMap<>();
        for (Map.Entry<Key, Held> e : held.entrySet()) {
            if (now - e.getValue().readAtNanos() > maxAge.toNanos()) {
                stale.computeIfAbsent(e.getKey().lotId(), l -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<UUID, List<Map.Entry<Key, Held>>> lot : stale.entrySet()) {
            long seen;
            synchronized (this) {
                seen = changes;
            }
            Set<CreditSubject> subjects = new LinkedHashSet<>();
            lot.getValue().forEach(e -> subjects.addAll(e.getValue().standing().subjects()));
            CreditStanding all = checks.standing(Gate.AUCTION_QUALIFICATION, subjects);
            long readAt = System.nanoTime();
            synchronized (this) {
                if (changes != seen) {
                    continue; // a change came meanwhile: those it concerns were dropped, the others are read next time
                }
                for (Map.Entry<Key, Held> e : lot.getValue()) {
                    // only where it is still the one we replace (not dropped or read again meanwhile)
                    held.replace(e.getKey(), e.getValue(), new Held(all.of(e.getValue().standing().subjects()), readAt));
                }
            }
        }
    }
}
