package org.sunbid.platform.auction.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.sunbid.platform.auction.AuctionError;

/**
 * One auction's state machine (single-threaded: the engine owns it). Bids are taken in server-receipt order; the
 * countdown and every acceptance use the server time the caller passes; equal amounts cannot both stand (a later equal
 * bid is too low), so a tie goes to the earlier receipt. Phases are derived from the events and the instant asked
 * about ({@link #phaseAt}). Replaying the journal's events through {@link #apply} rebuilds the identical room.
 *
 * <p>Signatures fixed by the lead (other parts code against them); part B implements.
 *
 * <h2>Time line (all instants are the server's; intervals are half-open: a bid at an end instant is late)</h2>
 * <ul>
 * <li>{@link AuctionFormat#LISTING} (挂牌, 39号令 Art. 17–19) and {@link AuctionFormat#NETWORK} (网络竞价 32号令 Art. 22:
 * 自由报价 then 限时报价, price first then time) run the same way. The timed round (限时竞价) is held when the qualified
 * bidders number at least {@code timedRoundMinBidders} (0: always). Then: {@code SCHEDULED} before
 * {@code biddingStart}; {@code FREE} in [biddingStart, freeEnd − freeze); {@code FROZEN} in [freeEnd − freeze,
 * freeEnd + pause) (Suzhou's 1-hour freeze, Fujian's 15-minute pause); {@code TIMED} from freeEnd + pause, with a
 * countdown of {@code countdown} that every accepted bid restarts (Art. 19: the timed round starts from the highest
 * listing bid + one increment, or the start price where nobody bid); {@code ENDED} when a countdown runs out with no
 * bid. Without a timed round there is no freeze: {@code FREE} in [biddingStart, freeEnd), {@code ENDED} from freeEnd
 * (Art. 19: one bidder whose bid meets the reserve → deal; no valid bid → no deal).</li>
 * <li>{@link AuctionFormat#ASCENDING} (拍卖, Art. 15–16): {@code TIMED} from {@code biddingStart} with a countdown from
 * biddingStart that every accepted bid restarts (the three calls), {@code ENDED} when it runs out.</li>
 * <li>Any format with fewer qualified bidders than {@code minBidders} (AUCTION_BIDDERS_MIN) is {@code ENDED} at
 * biddingStart, result {@link AuctionResult.NoDeal#TOO_FEW_BIDDERS} (a room {@link #admitting} bidders during the
 * listing decides this, and whether the timed round is held, only when {@code BiddersFixed} fixes the set; ended then).</li>
 * </ul>
 *
 * <h2>Bids</h2>
 * Checked in this order, each refusal changing nothing but the version (refused bids are journal evidence too):
 * {@code BIDDER_NOT_QUALIFIED} (not one of the room's bidder numbers — in a room {@link #admitting} bidders during
 * the listing, not one admitted by the receipt time), then the phase at the receipt time
 * ({@code AUCTION_SUSPENDED}, {@code AUCTION_NOT_STARTED}, {@code AUCTION_FROZEN}, {@code AUCTION_ENDED} carrying the
 * exact end), then {@code BID_ALREADY_HIGHEST} (the bidder holds the highest bid), {@code BID_TOO_LOW} (the first bid
 * below the start price; a later one below the highest + one increment — so an equal later bid is too low and the tie
 * goes to the earlier receipt, Art. 19), {@code BID_NOT_WHOLE_INCREMENT} (the first bid must be startPrice +
 * k·increment, k ≥ 0; a later one highest + k·increment, k ≥ 1, with the increment in force). Every refusal carries the
 * receipt time, the end (AUCTION_ENDED only) and the least acceptable amount now (0 where no bid is accepted now).
 *
 * <h2>The other events</h2>
 * <ul>
 * <li>{@link RoomEvent.IncrementChanged}: the new increment applies to every later bid (Art. 16, 18; whether the rules
 * allow it is the caller's check).</li>
 * <li>{@link RoomEvent.Suspended}: from its instant nothing is accepted and time stops mattering (no end passes while
 * suspended). Ignored when bidding had already ended, or when already suspended.</li>
 * <li>{@link RoomEvent.Resumed}: where the room was suspended before the timed round (scheduled, free or frozen), the
 * listing's end, the freeze and the timed round all move by the time lost; where a countdown was running (or is due at
 * the resumption), it restarts in full from the resumption. Ignored when not suspended.</li>
 * </ul>
 * Events must come in the order received; an event stamped earlier than the one before it is taken at the previous
 * event's time (the room's time never runs backwards, so a replay decides identically). {@link #apply} is O(1) and
 * allocates only the accepted {@link Bid} and the decision.
 */
public final class AuctionRoom {

    private final AuctionTerms terms;
    private final Set<String> bidderNumbers;
    private final Set<String> bidderNumbersView;

    private boolean tooFewBidders;
    private boolean timedRoundHeld;
    /** Whether the set of bidders is fixed (always, except in a room {@link #admitting} until {@code BiddersFixed}). */
    private boolean fixed;
    /** When an admitting room's set was fixed after biddingStart (a room ended for too few bidders ends then), or null. */
    private Instant fixedLateAt;
    private final Duration freeze;
    private final Duration pause;

    private final ArrayList<Bid> bids = new ArrayList<>();
    private final List<Bid> bidsView = Collections.unmodifiableList(bids);
    private Bid highest;
    private long increment;
    private long version;
    private Instant lastAt;

    /** The listing's effective end (moved by suspensions); null for ASCENDING. */
    private Instant freeEnd;
    /** Where free bidding stops: freeEnd − freeze with a timed round, else freeEnd. */
    private Instant freeStop;
    /** Where the countdown first starts: freeEnd + pause (LISTING/NETWORK with a timed round) or biddingStart (ASCENDING); null without a timed round. */
    private Instant timedStart;
    /** The running countdown's end once a bid or a resumption restarted it; null while the first countdown runs. */
    private Instant deadline;
    /** When the room was suspended, or null. */
    private Instant suspendedAt;

    /** A room for {@code terms} whose qualified bidders hold {@code bidderNumbers}. */
    public AuctionRoom(AuctionTerms terms, Set<String> bidderNumbers) {
        this(terms, bidderNumbers, true);
    }

    /**
     * A listing room that opens at biddingStart while applications are still open (39号令 Art. 17–19: applications close
     * APPLICATION_CLOSE before the listing ends): it starts with the bidders admitted so far ({@code admitted}, often
     * none), admits more by {@link RoomEvent.BidderAdmitted} and fixes the set at {@link RoomEvent.BiddersFixed}. Until
     * then nothing public depends on how many there are: the timed round is assumed held (the schedule shows the
     * freeze), no room ends for too few bidders, and an admission does not count in {@link #version}.
     */
    public static AuctionRoom admitting(AuctionTerms terms, Set<String> admitted) {
        return new AuctionRoom(terms, admitted, false);
    }

    private AuctionRoom(AuctionTerms terms, Set<String> bidderNumbers, boolean fixed) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.bidderNumbers = new java.util.HashSet<>(bidderNumbers);
        this.bidderNumbersView = Collections.unmodifiableSet(this.bidderNumbers);
        this.fixed = fixed;
        Objects.requireNonNull(terms.format(), "format");
        Objects.requireNonNull(terms.biddingStart(), "biddingStart");
        if (terms.startPrice() <= 0 || terms.increment() <= 0) {
            throw new IllegalArgumentException("startPrice and increment must be positive (fen)");
        }
        if (terms.countdown() == null || terms.countdown().isNegative() || terms.countdown().isZero()) {
            throw new IllegalArgumentException("countdown must be positive");
        }
        this.freeze = terms.freeze() == null ? Duration.ZERO : terms.freeze();
        this.pause = terms.pause() == null ? Duration.ZERO : terms.pause();
        if (freeze.isNegative() || pause.isNegative()) {
            throw new IllegalArgumentException("freeze and pause must not be negative");
        }
        this.increment = terms.increment();
        this.tooFewBidders = fixed && this.bidderNumbers.size() < terms.minBidders();
        if (terms.format() == AuctionFormat.ASCENDING) {
            this.timedRoundHeld = true;
            this.timedStart = terms.biddingStart();
        } else {
            if (terms.freeEnd() == null || !terms.freeEnd().isAfter(terms.biddingStart())) {
                throw new IllegalArgumentException("freeEnd must be after biddingStart for " + terms.format());
            }
            this.timedRoundHeld = !fixed || this.bidderNumbers.size() >= terms.timedRoundMinBidders();
            schedule(terms.freeEnd());
        }
    }

    /** Rebuilds the room {@code events} (the journal, in order) produced: the same bids, snapshots and result. */
    public static AuctionRoom replay(AuctionTerms terms, Set<String> bidderNumbers, List<RoomEvent> events) {
        AuctionRoom room = new AuctionRoom(terms, bidderNumbers);
        for (RoomEvent event : events) {
            room.apply(event);
        }
        return room;
    }

    public AuctionTerms terms() {
        return terms;
    }

    /** The qualified bidders' numbers (竞买号) admitted so far (a read-only view). */
    public Set<String> bidderNumbers() {
        return bidderNumbersView;
    }

    /** Whether the set of bidders is fixed (false only in an {@link #admitting} room before applications closed). */
    public boolean biddersFixed() {
        return fixed;
    }

    /** The increment in force, in fen. */
    public long increment() {
        return increment;
    }

    /** The number of events applied (refused bids included). */
    public long version() {
        return version;
    }

    /** Applies one event (a bid is decided, the others change the room); the answer for a bid, else null. */
    public BidDecision apply(RoomEvent event) {
        Instant at = Objects.requireNonNull(event.at(), "at");
        if (event instanceof RoomEvent.IncrementChanged c && c.increment() <= 0) {
            throw new IllegalArgumentException("increment must be positive (fen)");
        }
        Instant t = lastAt != null && at.isBefore(lastAt) ? lastAt : at;
        lastAt = t;
        if (event instanceof RoomEvent.BidderAdmitted a) {
            // not in the version: a watcher must not see that someone was admitted (bidder anonymity, 39号令 Art. 10)
            if (!fixed && a.bidderNumber() != null) {
                bidderNumbers.add(a.bidderNumber());
            }
            return null;
        }
        version++;
        if (event instanceof RoomEvent.BidPlaced b) {
            return decide(b.bidderNumber(), b.amount(), t);
        }
        if (event instanceof RoomEvent.BiddersFixed) {
            if (!fixed) {
                fix(t);
            }
        } else if (event instanceof RoomEvent.IncrementChanged c) {
            increment = c.increment();
        } else if (event instanceof RoomEvent.Suspended) {
            if (suspendedAt == null && phaseAt(t) != Phase.ENDED) {
                suspendedAt = t;
            }
        } else if (event instanceof RoomEvent.Resumed) {
            if (suspendedAt != null) {
                resume(t);
            }
        }
        return null;
    }

    /** A bid received at {@code receivedAt}: {@code apply(new BidPlaced(...))}. */
    public BidDecision bid(String bidderNumber, long amount, Instant receivedAt) {
        return apply(new RoomEvent.BidPlaced(bidderNumber, amount, receivedAt));
    }

    /** The phase at {@code now} (time moves phases: the listing's end, the freeze, a countdown running out). */
    public Phase phaseAt(Instant now) {
        if (suspendedAt != null && !now.isBefore(suspendedAt)) {
            return Phase.SUSPENDED;
        }
        if (now.isBefore(terms.biddingStart())) {
            return Phase.SCHEDULED;
        }
        if (tooFewBidders) {
            return Phase.ENDED;
        }
        if (terms.format() != AuctionFormat.ASCENDING) {
            if (now.isBefore(freeStop)) {
                return Phase.FREE;
            }
            if (!timedRoundHeld) {
                return Phase.ENDED;
            }
            if (now.isBefore(timedStart)) {
                return Phase.FROZEN;
            }
        }
        return now.isBefore(countdownEnd()) ? Phase.TIMED : Phase.ENDED;
    }

    /** When bidding ended, once it has by {@code now}; null while it has not. */
    public Instant endedAt(Instant now) {
        return phaseAt(now) == Phase.ENDED ? end() : null;
    }

    /** What a watcher sees at {@code now}. */
    public RoomSnapshot snapshot(Instant now) {
        Phase phase = phaseAt(now);
        Instant endsAt = switch (phase) {
            case SCHEDULED -> terms.biddingStart();
            case FREE -> freeStop;
            case FROZEN -> timedStart;
            case TIMED -> countdownEnd();
            case SUSPENDED, ENDED -> null;
        };
        return new RoomSnapshot(phase, highest == null ? terms.startPrice() : highest.amount(),
                highest == null ? null : highest.bidderNumber(), bids.size(), endsAt, minimumIn(phase), increment,
                version);
    }

    /** The accepted bids in order (a read-only view). */
    public List<Bid> bids() {
        return bidsView;
    }

    /** The highest accepted bid, or null. */
    public Bid highest() {
        return highest;
    }

    /**
     * The reserve to give {@link #result} for a lot whose announcement said there is a reserve but whose owner sealed none
     * by RESERVE_DEADLINE: none entered = no reserve (domain-2 §1, [F:S10 Art 32]); every bid meets 0 fen, so the outcome
     * is the one without a reserve. Record it through {@link #withoutReserve}.
     */
    public static final Long NO_RESERVE_ENTERED = 0L;

    /** {@code result} as recorded: the same outcome with no reserve (for {@link #NO_RESERVE_ENTERED}). */
    public static AuctionResult withoutReserve(AuctionResult result) {
        return new AuctionResult(result.deal(), result.winner(), null, result.reason());
    }

    /**
     * The outcome at {@code now} (bidding must have ended), given the opened reserve in fen or null where none was
     * sealed: TOO_FEW_BIDDERS (fewer qualified bidders than minBidders), NO_VALID_BID (流拍, Art. 19), BELOW_RESERVE
     * (the highest bid is below the reserve, Art. 16, 19), else a deal with the highest bid (the earliest at its amount).
     *
     * @throws IllegalStateException    bidding has not ended at {@code now}
     * @throws IllegalArgumentException a reserve was sealed but none is given (it must be opened first)
     */
    public AuctionResult result(Instant now, Long reserve) {
        if (phaseAt(now) != Phase.ENDED) {
            throw new IllegalStateException("bidding has not ended at " + now);
        }
        if (terms.reserveSealed() && reserve == null) {
            throw new IllegalArgumentException("the sealed reserve must be opened before the result");
        }
        if (tooFewBidders) {
            return new AuctionResult(false, null, reserve, AuctionResult.NoDeal.TOO_FEW_BIDDERS);
        }
        if (highest == null) {
            return new AuctionResult(false, null, reserve, AuctionResult.NoDeal.NO_VALID_BID);
        }
        if (reserve != null && highest.amount() < reserve) {
            return new AuctionResult(false, null, reserve, AuctionResult.NoDeal.BELOW_RESERVE);
        }
        return new AuctionResult(true, highest, reserve, null);
    }

    private BidDecision decide(String bidder, long amount, Instant t) {
        Phase phase = phaseAt(t);
        if (bidder == null || !bidderNumbers.contains(bidder)) {
            return new BidDecision.Refused(AuctionError.BIDDER_NOT_QUALIFIED, t, null, minimumIn(phase));
        }
        switch (phase) {
            case SUSPENDED:
                return new BidDecision.Refused(AuctionError.AUCTION_SUSPENDED, t, null, 0);
            case SCHEDULED:
                return new BidDecision.Refused(AuctionError.AUCTION_NOT_STARTED, t, null, 0);
            case FROZEN:
                return new BidDecision.Refused(AuctionError.AUCTION_FROZEN, t, null, 0);
            case ENDED:
                return new BidDecision.Refused(AuctionError.AUCTION_ENDED, t, end(), 0);
            default:
                break;
        }
        long minimum = minimum();
        if (highest != null && highest.bidderNumber().equals(bidder)) {
            return new BidDecision.Refused(AuctionError.BID_ALREADY_HIGHEST, t, null, minimum);
        }
        if (amount < minimum) {
            return new BidDecision.Refused(AuctionError.BID_TOO_LOW, t, null, minimum);
        }
        long base = highest == null ? terms.startPrice() : highest.amount();
        if ((amount - base) % increment != 0) {
            return new BidDecision.Refused(AuctionError.BID_NOT_WHOLE_INCREMENT, t, null, minimum);
        }
        Bid bid = new Bid(bids.size() + 1L, bidder, amount, t, phase);
        bids.add(bid);
        highest = bid;
        if (phase == Phase.TIMED) {
            deadline = t.plus(terms.countdown());
            return new BidDecision.Accepted(bid, deadline);
        }
        return new BidDecision.Accepted(bid, freeStop);
    }

    private void resume(Instant t) {
        Instant s = suspendedAt;
        suspendedAt = null;
        Phase before = phaseAt(s);
        if (terms.format() != AuctionFormat.ASCENDING
                && (before == Phase.SCHEDULED || before == Phase.FREE || before == Phase.FROZEN)) {
            schedule(freeEnd.plus(Duration.between(s, t)));
        }
        if (timedRoundHeld && !tooFewBidders && !t.isBefore(timedStart)) {
            deadline = t.plus(terms.countdown());
        }
    }

    /** Applications closed at {@code t}: the set is fixed and what depends on its size decided (Art. 19). */
    private void fix(Instant t) {
        fixed = true;
        tooFewBidders = bidderNumbers.size() < terms.minBidders();
        if (tooFewBidders && t.isAfter(terms.biddingStart())) {
            fixedLateAt = t;
        }
        if (terms.format() != AuctionFormat.ASCENDING) {
            timedRoundHeld = bidderNumbers.size() >= terms.timedRoundMinBidders();
            schedule(freeEnd);
        }
    }

    private void schedule(Instant end) {
        freeEnd = end;
        freeStop = timedRoundHeld ? end.minus(freeze) : end;
        timedStart = timedRoundHeld ? end.plus(pause) : null;
    }

    private Instant countdownEnd() {
        return deadline != null ? deadline : timedStart.plus(terms.countdown());
    }

    /** When bidding ended (or ends, if nothing changes). */
    private Instant end() {
        if (tooFewBidders) {
            return fixedLateAt != null ? fixedLateAt : terms.biddingStart();
        }
        return timedRoundHeld ? countdownEnd() : freeEnd;
    }

    private long minimum() {
        return highest == null ? terms.startPrice() : highest.amount() + increment;
    }

    private long minimumIn(Phase phase) {
        return phase == Phase.FREE || phase == Phase.TIMED ? minimum() : 0;
    }
}
